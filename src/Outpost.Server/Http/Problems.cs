namespace Outpost.Server.Http;

/// <summary>Every error answer is RFC 9457 problem+json; 400s name the field.</summary>
internal static class Problems
{
    public static IResult BadRequest(string field, string detail) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [detail] }, detail: detail);

    public static IResult Unauthorized(string detail) => Status(StatusCodes.Status401Unauthorized, "Unauthorized", detail);

    public static IResult Forbidden(string detail) => Status(StatusCodes.Status403Forbidden, "Forbidden", detail);

    public static IResult NotFound(string detail) => Status(StatusCodes.Status404NotFound, "Not Found", detail);

    public static IResult Conflict(string detail) => Status(StatusCodes.Status409Conflict, "Conflict", detail);

    public static IResult TooLarge(string detail) => Status(StatusCodes.Status413PayloadTooLarge, "Payload Too Large", detail);

    public static IResult UnsupportedMediaType(string detail) =>
        Status(StatusCodes.Status415UnsupportedMediaType, "Unsupported Media Type", detail);

    private static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Status(int status, string title, string detail) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title);
}
