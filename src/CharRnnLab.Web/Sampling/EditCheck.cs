using CharRnnLab.Core;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Core.Model;

namespace CharRnnLab.Web.Sampling;

/// <summary>Whether a model takes one more edit, asked of Core's <see cref="InterventionSet"/> so the lab refuses with the CLI's words.</summary>
public static class EditCheck
{
    /// <summary>
    /// Null when <paramref name="model"/> takes <paramref name="edit"/> beside <paramref name="edits"/>, else
    /// what is wrong ("clamp 1:c:5=1: a GRU has no cell state c; intervene on h instead."). With no model
    /// known, every edit passes here and the sampler checks it.
    /// </summary>
    public static string? Refusal(ModelConfig? model, IReadOnlyList<Intervention> edits, Intervention edit)
    {
        if (model is null) return null;
        try
        {
            _ = new InterventionSet(model, [.. edits, edit]);
            return null;
        }
        catch (ConfigException ex)
        {
            return ex.Message;
        }
    }

    /// <summary>The edits <paramref name="model"/> takes, in order, and the refusal of each it does not.</summary>
    public static EditList Accepted(ModelConfig? model, IEnumerable<Intervention> candidates)
    {
        var (edits, errors) = (new List<Intervention>(), new List<string>());
        foreach (var edit in candidates)
        {
            if (Refusal(model, edits, edit) is { } refusal) errors.Add(refusal);
            else edits.Add(edit);
        }
        return new EditList(edits, errors);
    }
}
