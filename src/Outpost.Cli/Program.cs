// Placeholder entry point; the CLI commands are built in the foundation issue.
return 0;
