using Outpost.Trust.Tests.Tuf.Builder;
using Outpost.Trust.Tuf;
using Outpost.Trust.Tuf.Metadata;
using Outpost.Trust.Tuf.Verification;

namespace Outpost.Trust.Tests.Tuf;

/// <summary>TUF 5.7.3: arbitrary installation and endless data against a target file.</summary>
public sealed class TargetVerifierTests
{
    private static readonly byte[] Artifact = "the signed release bytes"u8.ToArray();
    private static readonly TargetFile Expected = TestRepository.FileFor(Artifact);

    private static TufFailure Failure(Action action) => Assert.Throws<TufException>(action).Failure;

    [Fact]
    public void Verify_ExactBytes_Passes()
    {
        TargetVerifier.Verify("app.bin", Expected, Artifact);
        TargetVerifier.Verify("app.bin", Expected, new MemoryStream(Artifact));
    }

    [Fact]
    public void Verify_OneByteAppended_LengthMismatch()
    {
        byte[] longer = [.. Artifact, 0];

        Assert.Equal(TufFailure.LengthMismatch, Failure(() => TargetVerifier.Verify("app.bin", Expected, longer)));
        Assert.Equal(TufFailure.LengthMismatch, Failure(() => TargetVerifier.Verify("app.bin", Expected, new MemoryStream(longer))));
    }

    [Fact]
    public void Verify_SameLengthSwappedBytes_HashMismatchNamingTarget()
    {
        var swapped = (byte[])Artifact.Clone();
        swapped[3] ^= 0x20;

        var error = Assert.Throws<TufException>(() => TargetVerifier.Verify("app.bin", Expected, new MemoryStream(swapped)));

        Assert.Equal(("app.bin", TufFailure.HashMismatch), (error.Role, error.Failure));
    }

    [Fact]
    public void Verify_EndlessStream_StopsAfterLengthPlusOne()
    {
        using var endless = new EndlessStream();

        Assert.Equal(TufFailure.LengthMismatch, Failure(() => TargetVerifier.Verify("app.bin", Expected, endless)));
        Assert.Equal(Expected.Length + 1, endless.Served);
    }

    [Fact]
    public void Verify_Sha256RightButSha512Wrong_HashMismatch()
    {
        var hashes = new Dictionary<string, string>(Expected.Hashes) { ["sha512"] = new string('0', 128) };

        Assert.Equal(TufFailure.HashMismatch, Failure(() => TargetVerifier.Verify("app.bin", Expected with { Hashes = hashes }, Artifact)));
    }

    [Fact]
    public void Verify_UnsupportedHashAlgorithm_HashMismatch()
    {
        var hashes = new Dictionary<string, string>(Expected.Hashes) { ["md5"] = "00" };

        Assert.Equal(TufFailure.HashMismatch, Failure(() => TargetVerifier.Verify("app.bin", Expected with { Hashes = hashes }, Artifact)));
    }

    private sealed class EndlessStream : Stream
    {
        public long Served { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => Served; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            Array.Fill(buffer, (byte)'A', offset, count);
            Served += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
