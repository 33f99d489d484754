"""Texts several test modules share."""

# An article of short structured lines (a meal plan): read as a page, block scoring takes
# its repeated labels for page furniture; read as the article (whole_page=False), it stays.
STRUCTURED_ARTICLE = "\n\n".join(
    ["If you have done the program, you have seen how the meal plan complements the workouts "
     "to get you the best results.", "Now get prepping!"]
    + [line for n in range(1, 6) for line in (f"Meal {n}", "Eat every 2-3 hours",
                                              "Portion Fix Containers: 1 Green, 1 Red.")]) + "\n"
