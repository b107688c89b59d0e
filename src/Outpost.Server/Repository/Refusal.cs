namespace Outpost.Server.Repository;

/// <summary>Why the repository refused a root or targets upload: the HTTP status and a reason naming the check.</summary>
internal sealed record Refusal(int Status, string Reason)
{
    public static Refusal BadRequest(string reason) => new(StatusCodes.Status400BadRequest, reason);

    public static Refusal Conflict(string reason) => new(StatusCodes.Status409Conflict, reason);

    public static Refusal Unprocessable(string reason) => new(StatusCodes.Status422UnprocessableEntity, reason);
}
