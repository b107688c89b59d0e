namespace Outpost.Trust.Tuf.Metadata;

/// <summary>
/// TUF 4.5 PATHPATTERN as python-tuf evaluates it: the path and the pattern must have the same number of
/// "/"-separated segments and each segment must match fnmatch-style (<c>*</c>, <c>?</c>, <c>[seq]</c>, <c>[!seq]</c>),
/// so "targets/*.tgz" does not match "targets/a/b.tgz".
/// </summary>
internal static class PathPattern
{
    public static bool Matches(string path, string pattern)
    {
        var pathParts = path.Split('/');
        var patternParts = pattern.Split('/');
        if (pathParts.Length != patternParts.Length)
        {
            return false;
        }

        for (var i = 0; i < pathParts.Length; i++)
        {
            if (!Segment(pathParts[i], patternParts[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static bool Segment(ReadOnlySpan<char> text, ReadOnlySpan<char> pattern)
    {
        while (!pattern.IsEmpty)
        {
            switch (pattern[0])
            {
                case '*':
                    var rest = pattern[1..];
                    for (var skip = 0; skip <= text.Length; skip++)
                    {
                        if (Segment(text[skip..], rest))
                        {
                            return true;
                        }
                    }

                    return false;
                case '?':
                    if (text.IsEmpty)
                    {
                        return false;
                    }

                    break;
                case '[' when pattern.IndexOf(']') is var close and > 1:
                    if (text.IsEmpty || !InSet(text[0], pattern[1..close]))
                    {
                        return false;
                    }

                    pattern = pattern[(close + 1)..];
                    text = text[1..];
                    continue;
                default:
                    if (text.IsEmpty || text[0] != pattern[0])
                    {
                        return false;
                    }

                    break;
            }

            pattern = pattern[1..];
            text = text[1..];
        }

        return text.IsEmpty;
    }

    private static bool InSet(char c, ReadOnlySpan<char> set)
    {
        var negate = set[0] == '!';
        if (negate)
        {
            set = set[1..];
        }

        var found = false;
        for (var i = 0; i < set.Length; i++)
        {
            if (i + 2 < set.Length && set[i + 1] == '-')
            {
                found |= c >= set[i] && c <= set[i + 2];
                i += 2;
            }
            else
            {
                found |= c == set[i];
            }
        }

        return found != negate;
    }
}
