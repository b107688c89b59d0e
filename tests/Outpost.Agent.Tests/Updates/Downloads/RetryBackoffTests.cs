using Outpost.Agent.Updates.Downloads;

namespace Outpost.Agent.Tests.Updates.Downloads;

public sealed class RetryBackoffTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(7, 60)]
    [InlineData(1000, 60)]
    public void FullJitter_TopOfTheRange_DoublesPerFailureUpToTheCap(int failures, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), RetryBackoff.FullJitter(failures, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 1.0));

    [Fact]
    public void FullJitter_RandomPart_ScalesTheWholeRange() =>
        Assert.Equal(TimeSpan.FromSeconds(2), RetryBackoff.FullJitter(3, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60), 0.5));
}
