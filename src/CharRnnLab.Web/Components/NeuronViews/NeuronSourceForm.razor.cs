using CharRnnLab.Core.Corpora;
using CharRnnLab.Web.Contracts;
using CharRnnLab.Web.Neurons;
using Microsoft.AspNetCore.Components;

namespace CharRnnLab.Web.Components.NeuronViews;

/// <summary>The Neurons page's form: which run's cells read which text, and how.</summary>
public partial class NeuronSourceForm
{
    private string? _runId;
    private NeuronTextRequest _request = new();

    /// <summary>Runs whose cells can be recorded (a live session or a checkpoint).</summary>
    [Parameter, EditorRequired] public IReadOnlyList<RunSummary> Runs { get; set; } = [];

    /// <summary>Corpora whose validation slice can be read now (none that still needs a download).</summary>
    [Parameter] public IReadOnlyList<CorpusInfo> Corpora { get; set; } = [];

    /// <summary>The run chosen at first.</summary>
    [Parameter] public string? InitialRunId { get; set; }

    /// <summary>Raised with the run and text to record.</summary>
    [Parameter] public EventCallback<(string RunId, NeuronTextRequest Request)> OnRecord { get; set; }

    /// <summary>A recording is under way: the form is disabled.</summary>
    [Parameter] public bool Busy { get; set; }

    private int MaxLength => _request.Source == NeuronTextSource.Sample ? NeuronTextRequest.MaxSampleLength : NeuronTextRequest.MaxLength;

    protected override void OnParametersSet()
    {
        if (_runId is null || Runs.All(r => r.Id != _runId)) _runId = InitialRunId ?? Runs.FirstOrDefault()?.Id;
    }

    private Task RunChanged(string runId)
    {
        _runId = runId;
        return RecordAsync();
    }

    private Task SourceChanged(NeuronTextSource source)
    {
        _request = _request with { Source = source, Length = Math.Min(_request.Length, source == NeuronTextSource.Sample ? NeuronTextRequest.MaxSampleLength : NeuronTextRequest.MaxLength) };
        if (source == NeuronTextSource.OtherCorpus && Corpora.All(c => c.Id != _request.CorpusId))
            _request = _request with { CorpusId = DefaultCorpus() };
        return source == NeuronTextSource.Pasted ? Task.CompletedTask : RecordAsync();
    }

    private Task CorpusChanged(string corpusId)
    {
        _request = _request with { CorpusId = corpusId };
        return RecordAsync();
    }

    /// <summary>The first corpus other than the one the chosen run trained on.</summary>
    private string? DefaultCorpus()
    {
        string? own = Runs.FirstOrDefault(r => r.Id == _runId)?.CorpusId;
        return (Corpora.FirstOrDefault(c => c.Id != own) ?? Corpora.FirstOrDefault())?.Id;
    }

    private Task RecordAsync() => _runId is null ? Task.CompletedTask : OnRecord.InvokeAsync((_runId, _request));

    private static string RunLabel(RunSummary run) =>
        $"{run.Name} · {run.ModelLabel} · {(run.State.IsActive() ? $"live, iteration {run.Iteration:N0}" : $"checkpoint {run.CheckpointIteration:N0}")}";
}
