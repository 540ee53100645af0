using System.Text.Json;
using Microsoft.Playwright;

namespace DevEx.Server.Tests.Browser;

/// <summary>
/// Accessibility checks every page test can run on the rendered DOM: landmarks, one h1, named images, labelled
/// controls, and WCAG 2.x contrast from computed styles. Each assertion lists every offending element at once.
/// </summary>
public static class Accessibility
{
    /// <summary>WCAG 2.x AA for normal-size text.</summary>
    public const double MinimumContrast = 4.5;

    /// <summary>Landmarks, one h1, named images and labelled controls; <paramref name="hasNav"/> when the page should have a nav.</summary>
    public static async Task AssertBasicsAsync(IPage page, bool hasNav)
    {
        await AssertLandmarksAsync(page, hasNav);
        await AssertOneH1Async(page);
        await AssertImagesNamedAsync(page);
        await AssertControlsLabelledAsync(page);
    }

    public static async Task AssertLandmarksAsync(IPage page, bool hasNav)
    {
        // A header inside article/aside/main/nav/section is not the page's banner.
        var counts = await page.EvaluateAsync<int[]>("""
            () => [
              'header:not(article header, aside header, main header, nav header, section header), [role=banner]',
              'main, [role=main]',
              'nav, [role=navigation]',
            ].map(s => document.querySelectorAll(s).length)
            """);
        Assert.True(counts[0] >= 1, $"{page.Url}: no header (banner) landmark");
        Assert.True(counts[1] == 1, $"{page.Url}: {counts[1]} main landmarks, expected exactly 1");
        if (hasNav)
        {
            Assert.True(counts[2] >= 1, $"{page.Url}: no nav landmark");
        }
    }

    public static async Task AssertOneH1Async(IPage page)
    {
        var h1 = await page.Locator("h1").CountAsync();
        Assert.True(h1 == 1, $"{page.Url}: {h1} h1 elements, expected exactly 1");
    }

    /// <summary>Every img and svg not hidden from assistive technology has a name: alt, aria-label, aria-labelledby or a title child.</summary>
    public static async Task AssertImagesNamedAsync(IPage page)
    {
        var unnamed = await page.EvaluateAsync<string[]>("""
            () => {
              const text = s => (s || '').trim();
              const labelledBy = el => text((el.getAttribute('aria-labelledby') || '').split(/\s+/)
                .map(id => document.getElementById(id)?.textContent || '').join(' '));
              const named = el => text(el.getAttribute('aria-label')) || labelledBy(el)
                || (el.localName === 'img' && text(el.getAttribute('alt')))
                || (el.localName === 'svg' && text(el.querySelector(':scope > title')?.textContent));
              return [...document.querySelectorAll('img, svg')]
                .filter(el => !el.closest('[aria-hidden=true]') && !named(el))
                .map(el => el.outerHTML.slice(0, 160));
            }
            """);
        Assert.True(unnamed.Length == 0, $"{page.Url}: images without an accessible name:\n{string.Join('\n', unnamed)}");
    }

    /// <summary>Every input, select and textarea a user fills in has a label element, aria-label or aria-labelledby.</summary>
    public static async Task AssertControlsLabelledAsync(IPage page)
    {
        var unlabelled = await page.EvaluateAsync<string[]>("""
            () => {
              const text = s => (s || '').trim();
              const labelledBy = el => text((el.getAttribute('aria-labelledby') || '').split(/\s+/)
                .map(id => document.getElementById(id)?.textContent || '').join(' '));
              const labelled = el => [...(el.labels || [])].some(l => text(l.textContent))
                || text(el.getAttribute('aria-label')) || labelledBy(el);
              return [...document.querySelectorAll('input, select, textarea')]
                .filter(el => !['hidden', 'submit', 'reset', 'button', 'image'].includes(el.type) && !labelled(el))
                .map(el => el.outerHTML.slice(0, 160));
            }
            """);
        Assert.True(unlabelled.Length == 0, $"{page.Url}: form controls without a label:\n{string.Join('\n', unlabelled)}");
    }

    /// <summary>WCAG 2.x contrast ratio, (L1 + 0.05) / (L2 + 0.05) with L1 the lighter; 1 to 21.</summary>
    public static double ContrastRatio(CssColour foreground, CssColour background)
    {
        var a = foreground.RelativeLuminance;
        var b = background.RelativeLuminance;
        return (Math.Max(a, b) + 0.05) / (Math.Min(a, b) + 0.05);
    }

    /// <summary>
    /// For each element matching <paramref name="selector"/>: its computed text colour and the background it sits
    /// on (its own and its ancestors' computed backgrounds composited over a white canvas), and their ratio.
    /// </summary>
    public static async Task<IReadOnlyList<ContrastSample>> ContrastAsync(IPage page, string selector)
    {
        var json = await page.EvaluateAsync<string>("""
            selector => JSON.stringify([...document.querySelectorAll(selector)].map(el => {
              const backgrounds = [];
              for (let e = el; e; e = e.parentElement) backgrounds.push(getComputedStyle(e).backgroundColor);
              return { text: el.textContent.trim(), color: getComputedStyle(el).color, backgrounds };
            }))
            """, selector);
        using var document = JsonDocument.Parse(json);
        return [.. document.RootElement.EnumerateArray().Select(e =>
        {
            // Paint from the root down: the canvas, then each ancestor's background, then the element's own.
            var background = e.GetProperty("backgrounds").EnumerateArray().Reverse()
                .Aggregate(CssColour.White, (under, css) => CssColour.Parse(css.GetString()!).Over(under));
            var foreground = CssColour.Parse(e.GetProperty("color").GetString()!).Over(background);
            return new ContrastSample(e.GetProperty("text").GetString()!, foreground, background, ContrastRatio(foreground, background));
        })];
    }

    /// <summary>Every element matching <paramref name="selector"/> (at least one) reaches <paramref name="minimum"/>.</summary>
    public static async Task<IReadOnlyList<ContrastSample>> AssertContrastAsync(IPage page, string selector, double minimum = MinimumContrast)
    {
        var samples = await ContrastAsync(page, selector);
        Assert.True(samples.Count > 0, $"{page.Url}: nothing matches '{selector}'");
        var low = samples.Where(s => s.Ratio < minimum).Select(s => s.ToString()).ToList();
        Assert.True(low.Count == 0, $"{page.Url}: '{selector}' below {minimum}:1:\n{string.Join('\n', low)}");
        return samples;
    }
}

/// <summary>One element's text, its effective colours and their WCAG contrast ratio.</summary>
public sealed record ContrastSample(string Text, CssColour Foreground, CssColour Background, double Ratio)
{
    public override string ToString() => $"'{Text}': {Foreground} on {Background} = {Ratio:0.00}:1";
}
