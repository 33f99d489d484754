"""Running the cleaner on many documents: the batch runner, the command line and the dask engine."""
