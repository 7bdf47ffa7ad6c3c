using System.Security.Cryptography;

namespace CharRnnLab.Web.Runs;

/// <summary>Run ids: sortable by start time, safe as folder names, e.g. "20250123-153012-a1b2".</summary>
public static class RunIds
{
    public static string New(DateTimeOffset at) =>
        $"{at.UtcDateTime:yyyyMMdd-HHmmss}-{Convert.ToHexString(RandomNumberGenerator.GetBytes(2)).ToLowerInvariant()}";

    /// <summary>True for ids this lab makes (guards paths built from ids sent by clients).</summary>
    public static bool IsWellFormed(string? id) =>
        id is { Length: 20 } && id.All(c => char.IsAsciiDigit(c) || c is '-' || char.IsAsciiHexDigitLower(c));
}
