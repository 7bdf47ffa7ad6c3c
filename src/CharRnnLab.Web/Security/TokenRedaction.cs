using System.Text.RegularExpressions;

namespace CharRnnLab.Web.Security;

/// <summary>
/// Blanks the access token out of text that may be logged: the value of every token= and
/// access_token= query parameter (the two ways a URL carries it) and of "Bearer …" headers.
/// </summary>
public static partial class TokenRedaction
{
    public const string Mask = "[redacted]";

    [GeneratedRegex(@"(?<=[?&;](?:access_)?token=)[^&\s""'#]+", RegexOptions.IgnoreCase)]
    private static partial Regex QueryToken();

    [GeneratedRegex(@"(?<=\bBearer\s+)[^\s""',;]+", RegexOptions.IgnoreCase)]
    private static partial Regex BearerToken();

    public static bool MayContainToken(string text) =>
        text.Contains("token=", StringComparison.OrdinalIgnoreCase) || text.Contains("Bearer", StringComparison.OrdinalIgnoreCase);

    public static string Redact(string text) =>
        MayContainToken(text) ? BearerToken().Replace(QueryToken().Replace(text, Mask), Mask) : text;
}
