using Outpost.Trust.Tuf.Metadata;

namespace Outpost.Trust.Tests.Tuf;

public sealed class PathPatternTests
{
    [Theory]
    [InlineData("targets/foo.tgz", "targets/*.tgz", true)]
    [InlineData("targets/a/foo.tgz", "targets/*.tgz", false)]
    [InlineData("foo-version-2.tgz", "foo-version-?.tgz", true)]
    [InlineData("foo-version-10.tgz", "foo-version-?.tgz", false)]
    [InlineData("a/b/c", "a/*/c", true)]
    [InlineData("a/b/c", "*", false)]
    [InlineData("v1/app", "v[0-9]/app", true)]
    [InlineData("vx/app", "v[!a-z]/app", false)]
    [InlineData("exact", "exact", true)]
    [InlineData("Exact", "exact", false)]
    public void Matches_FnmatchPerSegment(string path, string pattern, bool expected)
    {
        Assert.Equal(expected, PathPattern.Matches(path, pattern));
    }
}
