using CharRnnLab.Web.Neurons;
using Microsoft.Playwright;
using static CharRnnLab.EndToEnd.Tests.Fixtures.NeuronsPageDriver;
using static Microsoft.Playwright.Assertions;

namespace CharRnnLab.EndToEnd.Tests.Pages;

/// <summary>The Neurons page in a real browser: a click on a character colours what its prediction depended on.</summary>
[Collection(BrowserCollection.Name)]
public sealed class NeuronsPageInfluenceTests(LabBrowserFixture fixture)
{
    [Fact]
    public async Task Clicking_a_character_colours_what_its_prediction_depended_on_until_escape_or_a_click_elsewhere()
    {
        const int Clicked = 340, Span = NeuronInfluence.Span;
        const string White = "255,255,255";
        string runId = await TrainTinyRunAsync(fixture);
        var page = await fixture.NewPageAsync();
        await fixture.ScreenshotOnFailureAsync(page, "neurons-influence", async () =>
        {
            await OpenAsync(page, runId);
            var cellColours = await ColoursAsync(page, 0, Clicked + 20);

            await ClickCharacterAsync(page, Clicked);
            await Expect(page.Locator(Text)).ToHaveAttributeAsync("data-overlay", $"influence/{Clicked}");
            await Expect(page.GetByTestId("overlay-legend")).ToContainTextAsync($"(character {Clicked}");
            var influence = await ColoursAsync(page, 0, Clicked + 20);
            Assert.All(influence[..(Clicked - Span)], c => Assert.Equal(White, c));  // beyond the span
            Assert.All(influence[(Clicked + 1)..], c => Assert.Equal(White, c));      // after the prediction
            Assert.Contains(influence[(Clicked - Span)..Clicked], c => c != White);
            Assert.NotEqual(cellColours, influence);

            await HoverAsync(page, Clicked - 1);
            await Expect(page.Locator(".hover-head")).ToContainTextAsync("influence ");  // the hovered input's number
            await page.Keyboard.PressAsync("Escape");
            await page.WaitForFunctionAsync($"() => document.querySelector('{Text}').dataset.overlay === undefined");
            await Expect(page.GetByTestId("overlay-legend")).ToHaveCountAsync(0);
            Assert.Equal(cellColours, await ColoursAsync(page, 0, Clicked + 20));

            await ClickCharacterAsync(page, Clicked - 100);
            await Expect(page.Locator(Text)).ToHaveAttributeAsync("data-overlay", $"influence/{Clicked - 100}");
            await page.GetByTestId("neurons-caption").ClickAsync();
            await page.WaitForFunctionAsync($"() => document.querySelector('{Text}').dataset.overlay === undefined");
            await Expect(page.GetByTestId("overlay-legend")).ToHaveCountAsync(0);
        });
    }
}
