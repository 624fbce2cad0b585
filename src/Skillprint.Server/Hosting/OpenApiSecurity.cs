using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Skillprint.Server.Hosting;

/// <summary>
/// The OpenAPI document says how to authenticate: a bearer token (a personal access token) or the
/// session cookie of <c>POST /api/v1/session</c>. Every operation that needs a caller lists both;
/// those open to anyone list none; admin operations say so in their description.
/// </summary>
internal static class OpenApiSecurity
{
    private const string Bearer = "bearer";
    private const string Cookie = "session";

    public static OpenApiOptions AddSkillprintSecurity(this OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, context, cancellation) =>
        {
            document.Info.Title = "Skillprint API";
            document.Info.Description = "A developer's competency map over HTTP. Authenticate with `Authorization: Bearer TOKEN` (skillprint token create) or the session cookie of POST /api/v1/session; writes with the cookie need the X-CSRF-TOKEN header from GET /api/v1/session.";
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            document.Components.SecuritySchemes[Bearer] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.Http,
                Scheme = "bearer",
                Description = "A personal access token (sp_...).",
            };
            document.Components.SecuritySchemes[Cookie] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = "skillprint.session",
                Description = "The session cookie set by POST /api/v1/session.",
            };
            return Task.CompletedTask;
        });
        options.AddOperationTransformer((operation, context, cancellation) =>
        {
            var metadata = context.Description.ActionDescriptor.EndpointMetadata;
            if (metadata.OfType<IAllowAnonymous>().Any())
            {
                return Task.CompletedTask;
            }

            var admin = metadata.OfType<IAuthorizeData>().Any(a => string.Equals(a.Policy, Auth.Caller.AdminPolicy, StringComparison.Ordinal));
            if (admin)
            {
                operation.Description = ((operation.Description ?? "") + " Admins only.").Trim();
            }

            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Bearer, context.Document)] = [] });
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Cookie, context.Document)] = [] });
            return Task.CompletedTask;
        });
        return options;
    }
}
