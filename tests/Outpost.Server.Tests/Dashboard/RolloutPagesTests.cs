using System.Net;
using System.Text.RegularExpressions;
using Outpost.Protocol.Admin;
using Outpost.Protocol.Rollouts;
using Outpost.Server.Tests.Harness;
using static Outpost.Server.Tests.Dashboard.RolloutDashboardHarness;

namespace Outpost.Server.Tests.Dashboard;

/// <summary>
/// The rollout pages on the real server: what they show (phases, gates against thresholds, decisions), and the operator
/// actions through the same code as the admin API, refused for viewers, forged forms and states that do not allow them.
/// </summary>
public sealed partial class RolloutPagesTests
{
    private const string Spec =
        """
        {"release":"app@2.0.0","target":{"tags":["line-a"]},"phases":[{"count":1},{"percent":100}],"bakeTime":"1h",
         "gates":{"maxFailureRatio":0.25,"minSample":1,"metrics":[{"metric":"inference_fps","min":10}]}}
        """;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Steps the engine (devices checking in between steps) until the rollout is in <paramref name="state"/>.</summary>
    private static async Task StepUntilAsync(RolloutDashboardHarness h, string id, RolloutState state, bool crashLoop = false)
    {
        for (var i = 0; i < 8; i++)
        {
            await h.Engine.TickAsync(Ct);
            if ((await h.GetRolloutAsync(id)).State == state)
            {
                return;
            }

            await h.FleetChecksInAsync(crashLoop);
            h.Repo.Time.Advance(TimeSpan.FromSeconds(5));
        }

        Assert.Fail($"rollout {id} never reached {state}");
    }

    [Fact]
    public async Task Detail_ShowsStatePhasesGatesAgainstThresholdsAndDecisionsNewestFirst()
    {
        await using var h = await StartAsync();
        var id = (await h.CreateRolloutAsync(Spec)).Id;
        await StepUntilAsync(h, id, RolloutState.Baking);
        var (viewer, _) = await h.LoginAsync(ViewerName, AdminRole.Viewer);

        var html = await PageAsync(viewer, $"/dashboard/rollouts/{id}");

        Assert.Contains("id=\"rollout-live\" data-live", html, StringComparison.Ordinal);
        Assert.Matches("data-testid=\"rollout-state\"[^>]*>baking</span>", html);
        Assert.Matches("data-testid=\"phase-0-updated\">1</td>", html);
        Assert.Matches("data-testid=\"phase-1-updated\">0</td>", html);
        Assert.Matches("(?s)<tr data-phase=\"0\" class=\"current\" aria-current=\"step\">.*?<progress max=\"1\" value=\"1\"", html);
        Assert.Contains("<tr data-phase=\"1\">", html, StringComparison.Ordinal);
        Assert.Contains("remaining", Between(html, "data-testid=\"bake\">", "</dd>"), StringComparison.Ordinal);

        var gates = Between(html, "data-testid=\"gates-table\"", "</table>");
        var failure = Between(gates, "data-gate=\"failureRatio\"", "</tr>");
        Assert.StartsWith(" data-passed=\"true\"", failure, StringComparison.Ordinal);
        Assert.Contains("&lt;= 0.25 (min sample 1)", failure, StringComparison.Ordinal);
        Assert.Contains(">pass<", failure, StringComparison.Ordinal);
        var fps = Between(gates, "data-gate=\"metric:inference_fps\"", "</tr>");
        Assert.Contains("&gt;= 10", fps, StringComparison.Ordinal);
        Assert.Contains("not evaluated yet", fps, StringComparison.Ordinal);

        var decisions = Between(html, "data-testid=\"decisions\"", "</ol>");
        var order = ActionPattern().Matches(decisions).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["baking", "devicesAssigned", "phaseStarted", "created"], order);
        Assert.Contains("by the engine", decisions, StringComparison.Ordinal);
        var assigned = Between(decisions, "data-action=\"devicesAssigned\"", "</li>");
        Assert.Single(h.Devices, d => assigned.Contains($"href=\"/dashboard/devices/{d.Id}\"", StringComparison.Ordinal));

        var list = await PageAsync(viewer, "/dashboard/rollouts");
        var row = Between(list, $"<tr data-rollout-id=\"{id}\">", "</tr>");
        Assert.Contains($"href=\"/dashboard/rollouts/{id}\"", row, StringComparison.Ordinal);
        Assert.Contains("app@2.0.0", row, StringComparison.Ordinal);
        Assert.Contains(">baking<", row, StringComparison.Ordinal);
        Assert.Contains("1/3", row, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HaltedByAFailedGate_ShowsTheFailingValueItsEvidenceAndTheActionsAHaltedPauseAllows()
    {
        await using var h = await StartAsync();
        var id = (await h.CreateRolloutAsync(Spec.Replace("\"bakeTime\"", "\"onFailure\":\"pause\",\"bakeTime\"", StringComparison.Ordinal))).Id;
        await StepUntilAsync(h, id, RolloutState.Halted, crashLoop: true);
        var (operatorClient, _) = await h.LoginAsync(OperatorName, AdminRole.Operator);

        var html = await PageAsync(operatorClient, $"/dashboard/rollouts/{id}");

        Assert.Matches("data-testid=\"rollout-state\"[^>]*>halted</span>", html);
        Assert.Contains("gate failureRatio failed in phase 1", Between(html, "data-testid=\"rollout-reason\">", "</dd>"), StringComparison.Ordinal);
        var failure = Between(Between(html, "data-testid=\"gates-table\"", "</table>"), "data-gate=\"failureRatio\"", "</tr>");
        Assert.StartsWith(" data-passed=\"false\"", failure, StringComparison.Ordinal);
        Assert.Contains("<td class=\"num\">1</td>", failure, StringComparison.Ordinal);
        Assert.Contains(">fail<", failure, StringComparison.Ordinal);
        var halted = Between(Between(html, "data-testid=\"decisions\"", "</ol>"), "data-action=\"halted\"", "</li>");
        Assert.Contains("<dt>Threshold</dt><dd>&lt;= 0.25 (min sample 1)</dd>", halted.Replace("\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("(RolledBack/CrashLoop)", halted, StringComparison.Ordinal);
        Assert.Equal(["resume", "promote", "abort"], Buttons(html));
        Assert.Matches("data-testid=\"phase-0-updated\">0</td>", html);
    }

    [Fact]
    public async Task List_NewestFirst_WithReasonOfAHaltedOrAbortedRollout()
    {
        await using var h = await StartAsync(devices: 2);
        var older = (await h.CreateRolloutAsync(ForDevice(h.Devices[0].Id))).Id;
        h.Repo.Time.Advance(TimeSpan.FromMinutes(1));
        var newer = (await h.CreateRolloutAsync(ForDevice(h.Devices[1].Id))).Id;
        using var abort = await h.Repo.Admin.PostAsync(RolloutApiRoutes.Action(older, "abort"), null, Ct);
        Assert.Equal(HttpStatusCode.OK, abort.StatusCode);
        var (viewer, _) = await h.LoginAsync(ViewerName, AdminRole.Viewer);

        var list = await PageAsync(viewer, "/dashboard/rollouts");

        var newerAt = list.IndexOf($"data-rollout-id=\"{newer}\"", StringComparison.Ordinal);
        var olderAt = list.IndexOf($"data-rollout-id=\"{older}\"", StringComparison.Ordinal);
        Assert.True(newerAt >= 0 && olderAt > newerAt, "newest first");
        Assert.Contains("aborted by an operator", Between(list, $"data-rollout-id=\"{older}\"", "</tr>"), StringComparison.Ordinal);
        Assert.Contains("data-testid=\"rollouts-table\"", list, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OperatorPause_ThroughTheSharedActionCode_ChangesStateAndAuditsTheOperator()
    {
        await using var h = await StartAsync();
        var id = (await h.CreateRolloutAsync(Spec)).Id;
        await h.Engine.TickAsync(Ct);
        var (operatorClient, operatorId) = await h.LoginAsync(OperatorName, AdminRole.Operator);

        var before = await PageAsync(operatorClient, $"/dashboard/rollouts/{id}");
        Assert.Equal(["pause", "promote", "abort"], Buttons(before));
        Assert.Matches("value=\"abort\"[^>]*data-confirm=\"Abort rollout", before);
        using var paused = await ActAsync(operatorClient, id, "pause", Csrf(before));

        Assert.Equal(HttpStatusCode.Redirect, paused.StatusCode);
        Assert.Equal($"/dashboard/rollouts/{id}", paused.Headers.Location?.OriginalString);
        Assert.Equal(RolloutState.Paused, (await h.GetRolloutAsync(id)).State);
        var decision = (await h.DecisionsAsync(id))[^1];
        Assert.Equal(("paused", operatorId), (decision.Action, decision.By));
        Assert.Contains($"(by {OperatorName})", decision.Reason, StringComparison.Ordinal);
        Assert.True(h.Repo.Server.Logged("DashboardAction", id));

        var after = await PageAsync(operatorClient, $"/dashboard/rollouts/{id}");
        Assert.Matches("data-testid=\"rollout-state\"[^>]*>paused</span>", after);
        Assert.Equal(["resume", "promote", "abort"], Buttons(after));
        Assert.Contains($"by {OperatorName}", Between(after, "data-action=\"paused\"", "</li>"), StringComparison.Ordinal);

        using var resumed = await ActAsync(operatorClient, id, "resume", Csrf(after));
        Assert.Equal(HttpStatusCode.Redirect, resumed.StatusCode);
        Assert.Equal(RolloutState.Running, (await h.GetRolloutAsync(id)).State);
    }

    [Fact]
    public async Task Viewer_SeesNoButtons_AndAForgedPostIs403WithNothingChanged()
    {
        await using var h = await StartAsync();
        var id = (await h.CreateRolloutAsync(Spec)).Id;
        await h.Engine.TickAsync(Ct);
        var (viewer, _) = await h.LoginAsync(ViewerName, AdminRole.Viewer);
        var decisions = (await h.DecisionsAsync(id)).Count;

        var page = await PageAsync(viewer, $"/dashboard/rollouts/{id}");
        Assert.Empty(Buttons(page));
        Assert.DoesNotContain("/dashboard/rollouts/" + id + "/", page, StringComparison.Ordinal);

        foreach (var action in new[] { "pause", "promote", "abort" })
        {
            using var forged = await ActAsync(viewer, id, action, Csrf(page));
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
            Assert.Contains("operator", (await forged.Content.ReadAsStringAsync(Ct)), StringComparison.Ordinal);
        }

        Assert.Equal(RolloutState.Running, (await h.GetRolloutAsync(id)).State);
        Assert.Equal(decisions, (await h.DecisionsAsync(id)).Count);
    }

    [Fact]
    public async Task Post_MissingOrWrongCsrf_CrossOrigin_NoSession_AreRefusedWithNothingChanged()
    {
        await using var h = await StartAsync();
        var id = (await h.CreateRolloutAsync(Spec)).Id;
        await h.Engine.TickAsync(Ct);
        var (operatorClient, _) = await h.LoginAsync(OperatorName, AdminRole.Operator);
        var csrf = await CsrfAsync(operatorClient);
        var decisions = (await h.DecisionsAsync(id)).Count;

        using var missing = await ActAsync(operatorClient, id, "abort", csrf: null);
        using var wrong = await ActAsync(operatorClient, id, "abort", new string('x', csrf.Length));
        using var otherSession = await ActAsync(operatorClient, id, "abort", await CsrfAsync((await h.LoginAsync("ops-other", AdminRole.Operator)).Client));
        using var crossOrigin = await ActAsync(operatorClient, id, "abort", csrf, origin: "http://evil.example");
        using var noSession = await ActAsync(h.Anonymous(), id, "abort", csrf);

        Assert.Equal(HttpStatusCode.Forbidden, missing.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, otherSession.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, crossOrigin.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, noSession.StatusCode);
        Assert.Equal(RolloutState.Running, (await h.GetRolloutAsync(id)).State);
        Assert.Equal(decisions, (await h.DecisionsAsync(id)).Count);

        // Same client, right token, own origin: the refusals above were about the form, not the operator.
        using var sameOrigin = await ActAsync(operatorClient, id, "abort", csrf, origin: h.Repo.Server.AdminApi.GetLeftPart(UriPartial.Authority));
        Assert.Equal(HttpStatusCode.Redirect, sameOrigin.StatusCode);
        Assert.Equal(RolloutState.Aborted, (await h.GetRolloutAsync(id)).State);
    }

    [Fact]
    public async Task ActionInvalidForTheState_ShowsTheSharedCodesReasonReadably_Not500()
    {
        await using var h = await StartAsync();
        var id = (await h.CreateRolloutAsync(Spec)).Id;
        await h.Engine.TickAsync(Ct);
        var (operatorClient, _) = await h.LoginAsync(OperatorName, AdminRole.Operator);
        var csrf = await CsrfAsync(operatorClient);
        var decisions = (await h.DecisionsAsync(id)).Count;

        using var refused = await ActAsync(operatorClient, id, "resume", csrf);

        Assert.Equal(HttpStatusCode.Redirect, refused.StatusCode);
        var location = refused.Headers.Location!.OriginalString;
        Assert.StartsWith($"/dashboard/rollouts/{id}?error=", location, StringComparison.Ordinal);
        var page = await PageAsync(operatorClient, location);
        var message = Between(page, "data-testid=\"action-error\">", "</p>");
        Assert.Contains($"Cannot resume rollout {id} in state Running", message, StringComparison.Ordinal);
        Assert.Equal(decisions, (await h.DecisionsAsync(id)).Count);
        using var api = await h.Repo.Admin.PostAsync(RolloutApiRoutes.Action(id, "resume"), null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, api.StatusCode);
        Assert.Contains($"cannot resume rollout {id} in state Running", (await api.ReadProblemAsync()).Detail, StringComparison.Ordinal);

        // The message is text: markup put into the link is shown, never run.
        var hostile = await PageAsync(operatorClient, $"/dashboard/rollouts/{id}?error={Uri.EscapeDataString("<script>alert(1)</script>")}");
        Assert.DoesNotContain("<script>alert", hostile, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", hostile, StringComparison.Ordinal);

        using var unknownAction = await ActAsync(operatorClient, id, "explode", csrf);
        Assert.Equal(HttpStatusCode.NotFound, unknownAction.StatusCode);
    }

    [Fact]
    public async Task UnknownRollout_404Page_ForTheDetailAndAnAction()
    {
        await using var h = await StartAsync(devices: 1);
        var (operatorClient, _) = await h.LoginAsync(OperatorName, AdminRole.Operator);

        var page = await PageAsync(operatorClient, "/dashboard/rollouts/ro-nope", HttpStatusCode.NotFound);
        using var act = await ActAsync(operatorClient, "ro-nope", "pause", await CsrfAsync(operatorClient));

        Assert.Contains("No rollout with id <code>ro-nope</code>", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, act.StatusCode);
        Assert.Contains("ro-nope", await act.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var anonymous = await h.Anonymous().GetAsync("/dashboard/rollouts/ro-nope", Ct);
        Assert.Equal(HttpStatusCode.Redirect, anonymous.StatusCode);
        Assert.StartsWith("/dashboard/login", anonymous.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }

    private static string ForDevice(string id) => "{\"release\":\"app@2.0.0\",\"target\":{\"devices\":[\"" + id + "\"]}}";

    private static string Csrf(string html) => CsrfPattern().Match(html).Groups[1].Value;

    /// <summary>The operator action buttons on a page, in order.</summary>
    private static List<string> Buttons(string html) => [.. ButtonPattern().Matches(html).Select(m => m.Groups[1].Value)];

    private static string Between(string text, string start, string end)
    {
        var from = text.IndexOf(start, StringComparison.Ordinal);
        Assert.True(from >= 0, $"'{start}' not found in:\n{text}");
        from += start.Length;
        var to = text.IndexOf(end, from, StringComparison.Ordinal);
        Assert.True(to >= 0, $"'{end}' not found after '{start}'");
        return text[from..to];
    }

    [GeneratedRegex("name=\"_csrf\" value=\"([^\"]+)\"")]
    private static partial Regex CsrfPattern();

    [GeneratedRegex("<button type=\"submit\" name=\"action\" value=\"([a-z]+)\"")]
    private static partial Regex ButtonPattern();

    [GeneratedRegex("data-action=\"([A-Za-z]+)\"")]
    private static partial Regex ActionPattern();
}
