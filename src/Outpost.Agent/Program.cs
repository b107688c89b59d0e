// Placeholder entry point; the agent's commands (enroll, run) are built in the foundation issue.
return 0;
