namespace Outpost.Cli.Tests;

internal sealed record RecordedRequest(string Method, string PathAndQuery, string Authorization, string Body);
