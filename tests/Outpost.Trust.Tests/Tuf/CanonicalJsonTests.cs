using System.Text;
using Outpost.Trust.Tuf.Json;

namespace Outpost.Trust.Tests.Tuf;

public sealed class CanonicalJsonTests
{
    private static string Canonical(string json) => Encoding.UTF8.GetString(CanonicalJson.Canonicalize(Encoding.UTF8.GetBytes(json)));

    [Fact]
    public void Canonicalize_NestedObject_SortsKeysAndDropsWhitespace()
    {
        var result = Canonical("""{ "b": 1, "a": [ true, false, null, {"d": -2, "c": "x"} ], "A": 0 }""");

        Assert.Equal("""{"A":0,"a":[true,false,null,{"c":"x","d":-2}],"b":1}""", result);
    }

    [Fact]
    public void Canonicalize_Strings_EscapesOnlyQuoteAndBackslash()
    {
        var result = Canonical("""{"k":"q\"b\\n\nt\tc\u0001é/"}""");

        // securesystemslib writes control characters and non-ASCII raw; only " and \ are escaped.
        Assert.Equal("{\"k\":\"q\\\"b\\\\n\nt\tc\u0001é/\"}", result);
    }

    [Fact]
    public void Canonicalize_SupplementaryPlaneKeys_SortByCodePointNotUtf16()
    {
        // U+1F600 is the surrogate pair D83D DE00: UTF-16 ordinal order would put it before U+FFFD; Python does not.
        var result = Canonical("{\"\U0001F600\":1,\"\uFFFD\":2}");

        Assert.Equal("{\"\uFFFD\":2,\"\U0001F600\":1}", result);
    }

    [Theory]
    [InlineData("""{"n":1.0}""")]
    [InlineData("""{"n":1e3}""")]
    [InlineData("""{"n":0.5}""")]
    public void Canonicalize_NonIntegerNumber_Refused(string json)
    {
        Assert.Throws<FormatException>(() => Canonical(json));
    }

    [Fact]
    public void Canonicalize_DuplicateKeys_Refused()
    {
        Assert.ThrowsAny<Exception>(() => Canonical("""{"a":1,"a":2}"""));
    }

    [Fact]
    public void Canonicalize_LargeAndNegativeIntegers_KeptVerbatim()
    {
        Assert.Equal("""[9007199254740993,-5,0]""", Canonical("[9007199254740993, -5, 0]"));
    }

    [Theory]
    [InlineData("""{"k":"\ud800"}""")]
    [InlineData("""{"\udc00":1}""")]
    public void Canonicalize_LoneSurrogateEscape_FormatException(string json)
    {
        Assert.Throws<FormatException>(() => Canonical(json));
    }
}
