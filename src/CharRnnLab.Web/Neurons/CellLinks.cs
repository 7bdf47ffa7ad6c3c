using CharRnnLab.Core.Analysis.Ranking;
using CharRnnLab.Core.Interventions;
using CharRnnLab.Web.Sampling;

namespace CharRnnLab.Web.Neurons;

/// <summary>
/// The addresses of a cell's own page and of its "clamp this" link, written once. A cell page is
/// <c>/runs/{run}/cells/{layer}/{kind}/{unit}</c>: layer from 1, unit from 0, kind by its short name
/// (<c>cell</c>, <c>tanh_cell</c>, <c>hidden</c>, <c>forget_gate</c>…; the paper symbols c, h, i… are read
/// too), the same triple as <see cref="CellLabels.DataCell"/>; the text it reads is in the query
/// (<see cref="CellTextQuery"/>).
/// </summary>
public static class CellLinks
{
    /// <summary>The cell page's route template.</summary>
    public const string Route = "/runs/{RunId}/cells/{Layer:int}/{Kind}/{Unit:int}";

    /// <summary>The page of <paramref name="cell"/> of <paramref name="runId"/> reading <paramref name="text"/> (default: the run's validation slice).</summary>
    public static string Page(string runId, CellId cell, CellTextChoice? text = null)
    {
        string query = text is null ? "" : CellTextQuery.Format(text);
        return $"/runs/{Uri.EscapeDataString(runId)}/cells/{CellLabels.DataCell(cell)}{(query.Length > 0 ? "?" + query : "")}";
    }

    /// <summary>
    /// The run's page with the sampling panel's edit set to <paramref name="edit"/>:
    /// <c>/runs/{run}?edit=L:KIND:UNIT=VALUE</c>, written by <see cref="EditLinks"/>, the one place the
    /// sampling panel's links are made and read (docs/interventions.md).
    /// </summary>
    public static string Clamp(string runId, Intervention edit) => EditLinks.For(runId, [edit]);
}
