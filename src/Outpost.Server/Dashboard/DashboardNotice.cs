using Microsoft.AspNetCore.Http.HttpResults;
using Outpost.Server.Dashboard.Pages;

namespace Outpost.Server.Dashboard;

/// <summary>A readable page for a refusal (404 unknown item, 400 bad filter): the frame and navigation stay, no stack trace.</summary>
internal static class DashboardNotice
{
    public static RazorComponentResult<NoticePage> Result(
        DashboardCaller caller, int status, string title, string active, string message, string backHref, string backText) =>
        new(new { Caller = caller, Title = title, Active = active, Message = message, BackHref = backHref, BackText = backText })
        {
            StatusCode = status,
        };
}
