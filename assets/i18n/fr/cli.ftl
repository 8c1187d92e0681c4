# Messages of the command line (glassbank simulate, check, replay): usage, progress, summaries.
