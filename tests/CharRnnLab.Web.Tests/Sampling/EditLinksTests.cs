using CharRnnLab.Core.Interventions;
using CharRnnLab.Web.Sampling;

namespace CharRnnLab.Web.Tests.Sampling;

public sealed class EditLinksTests
{
    private static readonly Intervention Clamp = new(0, 62, InterventionTarget.Cell, InterventionAction.Clamp, -0.76f, From: 13);
    private static readonly Intervention Ablate = new(0, 5, InterventionTarget.Hidden, InterventionAction.Ablate);
    private static readonly Intervention Scale = new(1, 40, InterventionTarget.Cell, InterventionAction.Scale, 1e7f);

    [Fact]
    public void A_link_names_each_edit_in_the_cli_syntax_readably()
    {
        Assert.Equal("/runs/abc?edit=1:c:62=-0.76@13&edit=ablate:1:h:5", EditLinks.For("abc", [Clamp, Ablate]));
        Assert.Equal("/runs/abc", EditLinks.For("abc", []));
        Assert.Equal("/runs/abc?edit=scale:2:c:40=1E%2B07", EditLinks.For("abc", [Scale])); // '+' would read as a space
    }

    [Fact]
    public void The_edit_values_of_a_link_read_back_as_the_edits_it_was_made_from()
    {
        var uri = new Uri(new Uri("http://127.0.0.1:5000"), EditLinks.For("run-1", [Clamp, Ablate, Scale]));
        var values = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(uri.Query)[EditLinks.Parameter];

        var read = EditLinks.Parse(values);

        Assert.Equal([Clamp, Ablate, Scale], read.Edits);
        Assert.Empty(read.Errors);
    }

    [Fact]
    public void A_bad_value_gets_its_own_message_and_the_good_ones_are_kept()
    {
        var read = EditLinks.Parse(["clamp:1:c:62=-0.76@13", "1:q:3=1", null, "ablate:1:h:5"]);

        Assert.Equal([Clamp, Ablate], read.Edits);
        Assert.Equal(2, read.Errors.Count);
        Assert.Contains("'1:q:3=1': KIND must be c", read.Errors[0]);
        Assert.Contains("is not L:KIND:UNIT=VALUE[@FROM]", read.Errors[1]);
    }
}
