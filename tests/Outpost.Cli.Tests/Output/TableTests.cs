using Outpost.Cli.Output;

namespace Outpost.Cli.Tests.Output;

public sealed class TableTests
{
    [Fact]
    public void WriteTo_PadsColumnsToTheWidestCell_AndLeavesTheLastColumnUnpadded()
    {
        var table = new Table("ID", "NAME", "STATE").AddRow("a", "long-name", "ok").AddRow("bbbb", "x", "revoked");
        using var writer = new StringWriter();

        table.WriteTo(writer);

        Assert.Equal("ID    NAME       STATE\na     long-name  ok\nbbbb  x          revoked\n", writer.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void WriteTo_EmptyCell_ShowsADash()
    {
        using var writer = new StringWriter();

        new Table("A", "B").AddRow(null, "").WriteTo(writer);

        Assert.Equal("A  B\n-  -\n", writer.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void AddRow_ControlCharactersFromTheServer_CannotBreakOrForgeRows()
    {
        using var writer = new StringWriter();

        new Table("ID", "HOST").AddRow("dev-1", "evil\ndev-2  online").WriteTo(writer);

        Assert.Equal(2, writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public void WriteTo_WithoutHeaders_RendersAKeyValueList()
    {
        using var writer = new StringWriter();

        new Table().AddRow("Site", "berlin").AddRow("Device class", "rpi4").WriteTo(writer, "  ");

        Assert.Equal("  Site          berlin\n  Device class  rpi4\n", writer.ToString().ReplaceLineEndings("\n"));
    }

    [Fact]
    public void AddRow_WrongCellCount_Throws()
    {
        Assert.Throws<ArgumentException>(() => new Table("A", "B").AddRow("only one"));
    }
}
