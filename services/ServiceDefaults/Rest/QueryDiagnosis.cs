using Google.Protobuf.Reflection;
using HealingNetwork.ServiceDefaults.Errors;
using Microsoft.AspNetCore.Http;

namespace HealingNetwork.ServiceDefaults.Rest;

/// <summary>
/// Why a query parameter could not be bound to its request field ("?pageSize=abc",
/// "?category=NOPE"). Parameters are named by dotted field path, JSON or proto names; ones that
/// name no field are ignored, as transcoding ignores them.
/// </summary>
internal static class QueryDiagnosis
{
    public static RequestReadError? Find(IQueryCollection query, MessageDescriptor request)
    {
        foreach (var (key, values) in query)
        {
            if (Resolve(request, key) is not var (field, path)) continue;
            if (values.Count > 1 && !field.IsRepeated) return RequestReadError.Of(new FieldViolation(path, "must be given once"));
            foreach (var value in values)
            {
                if (value is not null && !ScalarShapes.AcceptsText(field, value))
                    return RequestReadError.Of(new FieldViolation(path, ScalarShapes.Describe(field)));
            }
        }
        return null;
    }

    private static (FieldDescriptor Field, string Path)? Resolve(MessageDescriptor message, string key)
    {
        FieldDescriptor? field = null;
        var path = "";
        foreach (var name in key.Split('.'))
        {
            if (field is not null)
            {
                if (field.FieldType != FieldType.Message || field.IsRepeated) return null;
                message = field.MessageType;
            }
            field = FieldPath.Find(message, name);
            if (field is null) return null;
            path = FieldPath.Join(path, field.Name);
        }
        // A message that is not written as a scalar cannot come from a query parameter; not ours to explain.
        return field is null || field.IsMap || field.FieldType == FieldType.Message && !ScalarShapes.IsWellKnownScalar(field.MessageType)
            ? null
            : (field, path);
    }
}
