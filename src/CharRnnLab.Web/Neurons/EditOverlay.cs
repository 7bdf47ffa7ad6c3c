using CharRnnLab.Core.Interventions;

namespace CharRnnLab.Web.Neurons;

/// <summary>
/// What edits did to a recorded text, as the Neurons page shows it: Core's <see cref="EditEffect"/>
/// and, as the text view's overlay, each character j ≥ 1 coloured by log q(text[j]) − log p(text[j]),
/// the edited minus the unedited model's log-probability of it (red: more likely under the edits).
/// </summary>
public sealed record EditOverlay(IReadOnlyList<Intervention> Edits, EditEffect Effect, TextOverlay Overlay)
{
    public const string Name = "change in log p";

    /// <summary>The edits as the command line writes them: "clamp 1:c:62=-0.76@13, ablate 1:h:5".</summary>
    public static string Describe(IEnumerable<Intervention> edits) => string.Join(", ", edits);

    public static EditOverlay Of(IReadOnlyList<Intervention> edits, EditEffect effect) =>
        new(edits, effect, new TextOverlay(Name, 1, effect.LogProbabilityChange, TextOverlay.Scaled, null));
}
