namespace Outpost.Server.Hosting;

internal enum ListenerKind
{
    Device,
    Admin,
}
