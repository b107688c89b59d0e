namespace Outpost.Cli.Advise.Evaluation;

internal enum Verdict
{
    Edge,
    Hybrid,
    Cloud,
}
