using System.Collections.Concurrent;
using Outpost.Trust.Tuf.Keys;

namespace Outpost.Trust.Tests.Tuf.Builder;

/// <summary>Real keys of every scheme, generated once per test run (RSA-3072 generation is the slow part).</summary>
internal static class TestKeys
{
    private static readonly ConcurrentDictionary<(string, int), TufSigningKey> Keys = new();

    public static TufSigningKey Get(string scheme, int index = 0) =>
        Keys.GetOrAdd((scheme, index), static k => TufSigningKey.Generate(k.Item1));
}
