using CharRnnLab.Core.Interventions;

namespace CharRnnLab.Web.Sampling;

/// <summary>
/// The one place the lab's edit links are written and read: <c>/runs/{id}?edit=1:c:62=-0.76@13&amp;edit=ablate:1:h:5</c>
/// opens a run's page with those edits set in its sampling panel and samples once. Each value is an
/// edit in the CLI's syntax with an optional verb (<see cref="InterventionSyntax.TryParseEdit"/>; clamp
/// when none is given). The hub's SampleEdited takes the same strings. Documented in docs/interventions.md.
/// </summary>
public static class EditLinks
{
    /// <summary>The query parameter, repeated once per edit.</summary>
    public const string Parameter = "edit";

    /// <summary>The address of <paramref name="runId"/>'s page with <paramref name="interventions"/> set (none: the plain page).</summary>
    public static string For(string runId, IEnumerable<Intervention> interventions)
    {
        var query = interventions.Select(i => $"{Parameter}={Escape(InterventionSyntax.FormatEdit(i))}").ToArray();
        string path = $"/runs/{Uri.EscapeDataString(runId)}";
        return query.Length == 0 ? path : $"{path}?{string.Join('&', query)}";
    }

    /// <summary>
    /// Reads edit values (already URL-decoded): every good one in order, and for each bad one a message
    /// saying what is wrong with it and how to write it. Checked against no model yet (the sampler does that).
    /// </summary>
    public static EditList Parse(IEnumerable<string?> values)
    {
        var (edits, errors) = (new List<Intervention>(), new List<string>());
        foreach (string value in values.Select(v => v ?? ""))
        {
            if (InterventionSyntax.TryParseEdit(value, out var edit, out string error)) edits.Add(edit!);
            else errors.Add(error);
        }
        return new EditList(edits, errors);
    }

    // ':', '@' and '=' may stand in a query value as they are (RFC 3986), which keeps the link readable;
    // everything else that is not plain ('+' of an exponent above all) is percent-encoded.
    private static string Escape(string value) =>
        Uri.EscapeDataString(value).Replace("%3A", ":").Replace("%40", "@").Replace("%3D", "=");
}

/// <summary>The edits read from a link or a hub call, and a message for each value that was not one.</summary>
public sealed record EditList(IReadOnlyList<Intervention> Edits, IReadOnlyList<string> Errors);
