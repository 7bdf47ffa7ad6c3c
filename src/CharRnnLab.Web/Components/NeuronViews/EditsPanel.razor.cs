using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Web.Neurons;
using CharRnnLab.Web.Sampling;
using Microsoft.AspNetCore.Components;

namespace CharRnnLab.Web.Components.NeuronViews;

/// <summary>
/// Edits the Neurons page's one list of interventions, which both its sampling panel and its "record with
/// edits" use: by hand (<see cref="Lab.InterventionEditor"/>) or as a clamp of the selected cell to its max or
/// its mean over the text (<see cref="SamplingClamps"/>). The page holds the list; this panel only asks for changes.
/// </summary>
public partial class EditsPanel
{
    private string? _error;

    /// <summary>The recording shown: its model checks each edit, and its values give the selected cell's clamps.</summary>
    [Parameter, EditorRequired] public NeuronRecording Recording { get; set; } = null!;

    /// <summary>The page's selected cell, offered as a clamp (c for an LSTM's c or tanh(c), else h); null: none offered.</summary>
    [Parameter] public CellId? Selected { get; set; }

    /// <summary>The page's edits, in the order they apply.</summary>
    [Parameter] public IReadOnlyList<Intervention> Edits { get; set; } = [];

    /// <summary>Raised with the new list after an edit was added or removed.</summary>
    [Parameter] public EventCallback<IReadOnlyList<Intervention>> EditsChanged { get; set; }

    /// <summary>Adds a clamp of the selected cell, checked like a hand-made edit (a gate has no max clamp: null).</summary>
    private async Task AddAsync(SamplingClamp? clamp)
    {
        if (clamp is null) return;
        _error = EditCheck.Refusal(Recording.Recording.Config, Edits, clamp.Edit);
        if (_error is null) await EditsChanged.InvokeAsync([.. Edits, clamp.Edit]);
    }

    private Task ChangedAsync(IReadOnlyList<Intervention> edits)
    {
        _error = null;
        return EditsChanged.InvokeAsync(edits);
    }
}
