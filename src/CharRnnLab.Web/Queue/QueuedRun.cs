using CharRnnLab.Core.Settings;
using CharRnnLab.Web.Contracts;

namespace CharRnnLab.Web.Queue;

/// <summary>A run waiting for the training slot: its settings, in queue order.</summary>
/// <param name="Id">The entry's id ("q-…"); the run gets its own id when it starts.</param>
/// <param name="Request">What <see cref="Runs.RunManager.StartAsync(StartRunRequest)"/> will be given.</param>
public sealed record QueuedRun(string Id, StartRunRequest Request, DateTimeOffset EnqueuedAt)
{
    /// <summary>The run's name if the request gives one, else its model.</summary>
    public string Name => string.IsNullOrWhiteSpace(Request.Name) ? ModelLabel : Request.Name.Trim();

    /// <summary>"2×128 LSTM" style description of the model.</summary>
    public string ModelLabel => RunSummary.LabelOf(Config.Model);

    /// <summary>The settings the run will train with (Core's defaults where the request says nothing).</summary>
    [System.Text.Json.Serialization.JsonIgnore] public RunConfig Config => RunRequests.Read(Request).Config;
}
