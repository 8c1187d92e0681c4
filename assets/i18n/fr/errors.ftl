# Error messages: scenario files, session logs, storage and files, feedback.
