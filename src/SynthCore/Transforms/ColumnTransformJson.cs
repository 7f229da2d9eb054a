namespace SynthCore.Transforms;

/// <summary>
/// Restores a column transform from its JSON by its "type" string. The JSON never names a .NET
/// type, so a saved file can only ever produce these known transforms.
/// </summary>
public static class ColumnTransformJson
{
    public static IColumnTransform FromJson(JsonObject json) => JsonFields.Get<string>(json, "type") switch
    {
        MinMaxTransform.Type => MinMaxTransform.FromJson(json),
        StandardTransform.Type => StandardTransform.FromJson(json),
        OneHotTransform.Type => OneHotTransform.FromJson(json),
        LabelTransform.Type => LabelTransform.FromJson(json),
        IdentifierTransform.Type => IdentifierTransform.FromJson(json),
        var other => throw new SynthException($"The saved transform has an unknown type '{other}'."),
    };
}
