using Outpost.Trust.Tests.Tuf.Builder;
using Outpost.Trust.Tuf;

namespace Outpost.Trust.Tests.Tuf.Client;

/// <summary>
/// Corrupted metadata ends in a <see cref="TufException"/>, never in another exception; the only mutations that may
/// be accepted are those that leave the signed content unchanged (e.g. whitespace, or a digit replaced by itself).
/// </summary>
public sealed class MutationTests
{
    private static readonly byte[] Interesting = "{}[]\",:\\0123456789.-eE tfn\u00ff"u8.ToArray();

    private static byte[] Mutate(byte[] original, Random random)
    {
        var bytes = original.ToList();
        for (var edits = random.Next(1, 4); edits > 0 && bytes.Count > 0; edits--)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(4))
            {
                case 0:
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                case 1:
                    bytes.RemoveAt(at);
                    break;
                case 2:
                    bytes.Insert(at, Interesting[random.Next(Interesting.Length)]);
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }

    [Fact]
    public void UpdateTimestampAndSnapshot_RandomlyCorrupted_OnlyTufRefusals()
    {
        var repo = new TestRepository();
        var random = new Random(20261129);
        for (var i = 0; i < 400; i++)
        {
            var timestamp = Mutate(repo.Timestamp, random);
            var snapshot = Mutate(repo.Snapshot, random);

            var set = TestClient.Start(repo.Root);
            AcceptedOnlyIfUnchanged(() => set.UpdateTimestamp(timestamp).Envelope, repo.Timestamp);
            set = TestClient.Start(repo.Root);
            set.UpdateTimestamp(repo.Timestamp);
            AcceptedOnlyIfUnchanged(() => set.UpdateSnapshot(snapshot).Envelope, repo.Snapshot);
        }
    }

    [Fact]
    public void UpdateRoot_RandomlyCorrupted_OnlyTufRefusals()
    {
        var repo = new TestRepository();
        var v1 = repo.Root;
        repo.RootVersion = 2;
        repo.Publish();
        var random = new Random(7);
        for (var i = 0; i < 200; i++)
        {
            var corrupted = Mutate(repo.Root, random);

            AcceptedOnlyIfUnchanged(() => TestClient.Start(v1).UpdateRoot(corrupted).Envelope, repo.Root);
        }
    }

    private static void AcceptedOnlyIfUnchanged(Func<Outpost.Trust.Tuf.Metadata.TufEnvelope> update, byte[] original)
    {
        Outpost.Trust.Tuf.Metadata.TufEnvelope accepted;
        try
        {
            accepted = update();
        }
        catch (TufException)
        {
            return;
        }

        var expected = Outpost.Trust.Tuf.Metadata.TufEnvelope.Parse(original, "original").CanonicalSigned.ToArray();
        Assert.Equal(expected, accepted.CanonicalSigned.ToArray());
    }
}
