// Placeholder entry point; the server is built in the foundation issue.
var builder = WebApplication.CreateBuilder(args);
var app = builder.Build();
await app.RunAsync();
