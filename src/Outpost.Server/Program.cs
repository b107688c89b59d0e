using Outpost.Server.Hosting;

// Content root = the install folder, so appsettings.json is found whatever the working directory is;
// a relative Outpost:DataDirectory still resolves against the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddOutpostServer();

var app = builder.Build();
await app.InitializeOutpostAsync();
app.MapOutpost();
await app.RunAsync();
