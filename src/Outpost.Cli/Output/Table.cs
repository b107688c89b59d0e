namespace Outpost.Cli.Output;

/// <summary>A plain text table: left-aligned columns separated by two spaces, the last column unpadded.</summary>
internal sealed class Table
{
    private readonly string[]? headers;
    private readonly List<string[]> rows = [];

    /// <summary>With no headers the table renders as an aligned key/value list.</summary>
    public Table(params string[] headers)
    {
        this.headers = headers.Length == 0 ? null : headers;
    }

    public int RowCount => rows.Count;

    public Table AddRow(params string?[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        if (headers is not null && cells.Length != headers.Length)
        {
            throw new ArgumentException($"expected {headers.Length} cells, got {cells.Length}", nameof(cells));
        }

        rows.Add([.. cells.Select(Clean)]);
        return this;
    }

    public void WriteTo(TextWriter writer, string indent = "")
    {
        ArgumentNullException.ThrowIfNull(writer);
        var all = headers is null ? rows : [headers, .. rows];
        if (all.Count == 0)
        {
            return;
        }

        var columns = all.Max(r => r.Length);
        var widths = new int[columns];
        foreach (var row in all)
        {
            for (var i = 0; i < row.Length; i++)
            {
                widths[i] = Math.Max(widths[i], row[i].Length);
            }
        }

        foreach (var row in all)
        {
            var line = string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i])));
            writer.WriteLine(indent + line.TrimEnd());
        }
    }

    // Cells come from the server; a newline or tab would break the alignment (or forge a row).
    private static string Clean(string? cell) =>
        string.IsNullOrEmpty(cell) ? "-" : new string([.. cell.Select(c => char.IsControl(c) ? ' ' : c)]);
}
