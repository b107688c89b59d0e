using Outpost.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddOutpostServer();

var app = builder.Build();
await app.InitializeOutpostAsync();
app.MapOutpost();
await app.RunAsync();
