namespace Outpost.Cli.Advise.Loading;

/// <summary>Range checks that throw an <see cref="AdviseInputException"/> naming the field.</summary>
internal static class Require
{
    public static void Present(double value, string field)
    {
        if (double.IsNaN(value))
        {
            throw new AdviseInputException(field, "required");
        }
    }

    public static void AtLeast(double value, double min, string field)
    {
        Present(value, field);
        if (value < min)
        {
            throw new AdviseInputException(field, $"must be >= {Fmt(min)} (got {Fmt(value)})");
        }
    }

    public static void Above(double value, double min, string field)
    {
        Present(value, field);
        if (value <= min)
        {
            throw new AdviseInputException(field, $"must be > {Fmt(min)} (got {Fmt(value)})");
        }
    }

    public static void Between(double value, double min, double max, string field)
    {
        AtLeast(value, min, field);
        if (value > max)
        {
            throw new AdviseInputException(field, $"must be <= {Fmt(max)} (got {Fmt(value)})");
        }
    }

    public static void Optional(double? value, double min, string field)
    {
        if (value is { } v)
        {
            AtLeast(v, min, field);
        }
    }

    private static string Fmt(double v) => v.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture);
}
