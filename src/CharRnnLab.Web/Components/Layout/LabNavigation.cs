namespace CharRnnLab.Web.Components.Layout;

/// <summary>A page in the lab's navigation drawer.</summary>
public sealed record LabPage(string Href, string Title, string Icon, string TestId);

/// <summary>
/// The lab's pages, in drawer order. A new page (e.g. Neurons) adds one line here and a
/// routable component under Components/Pages.
/// </summary>
public static class LabNavigation
{
    public static IReadOnlyList<LabPage> Pages { get; } =
    [
        new("/", "Train", MudBlazor.Icons.Material.Filled.ModelTraining, "nav-train"),
        new("/runs", "Runs", MudBlazor.Icons.Material.Filled.History, "nav-runs"),
        new("/compare", "Compare", MudBlazor.Icons.Material.Filled.MultilineChart, "nav-compare"),
        new("/corpora", "Corpora", MudBlazor.Icons.Material.Filled.LibraryBooks, "nav-corpora"),
        new("/neurons", "Neurons", MudBlazor.Icons.Material.Filled.Psychology, "nav-neurons"),
    ];
}
