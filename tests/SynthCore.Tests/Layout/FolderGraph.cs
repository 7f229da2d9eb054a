using System.Collections.Immutable;
using System.Reflection.Emit;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;

namespace SynthCore.Tests.Layout;

/// <summary>
/// The dependencies between the folders of one assembly, read from its compiled metadata rather than from
/// <c>using</c> lines, so that a fully qualified name or a call with no <c>using</c> counts too.
/// </summary>
/// <remarks>
/// <para>
/// A folder is a namespace: every namespace is its own node, so <c>SynthCore.Synthesizers</c> and
/// <c>SynthCore.Synthesizers.Neural</c> are two nodes, and a parent folder that needs one of its subfolders
/// while the subfolder needs the parent is a cycle like any other. Nested and compiler-generated types
/// (closures, iterators, async state machines) count as part of the type they sit in.
/// </para>
/// <para>
/// A type depends on each type of the same assembly that it names anywhere: base type, interfaces, generic
/// constraints, fields, properties, events, method signatures, locals, and every type, method and field token
/// in its method bodies (with the declaring types and signatures of the members those tokens name, and the
/// type arguments of generic instantiations). Constants (<c>const</c> fields, enum members) are copied into
/// the code that uses them and leave no trace in the assembly, so the source files' <c>using</c> directives
/// (plain and <c>using static</c>) count as dependencies too when the source folder is given.
/// </para>
/// </remarks>
internal sealed partial class FolderGraph
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*namespace\s+([\w.]+)\s*[;{]", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex NamespaceLine();

    [System.Text.RegularExpressions.GeneratedRegex(@"^\s*(?:global\s+)?using\s+(static\s+)?([\w.]+)\s*;", System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex UsingLine();

    /// <summary>For each edge (from folder, to folder), one type-level reference that makes it, for the message.</summary>
    public IReadOnlyDictionary<(string From, string To), string> Edges { get; }

    public IReadOnlyCollection<string> Folders { get; }

    public FolderGraph(IReadOnlyDictionary<(string From, string To), string> edges, IEnumerable<string> folders)
    {
        Edges = edges;
        Folders = folders.Concat(edges.Keys.SelectMany(e => new[] { e.From, e.To })).Distinct().Order(StringComparer.Ordinal).ToArray();
    }

    public IEnumerable<string> DependenciesOf(string folder) =>
        Edges.Keys.Where(e => e.From == folder).Select(e => e.To).Order(StringComparer.Ordinal);

    /// <summary>
    /// Reads the folder graph of the assembly at <paramref name="path"/>, for its types in <paramref name="rootNamespace"/>,
    /// adding the <c>using</c> directives of the C# files under <paramref name="sourceFolder"/> when it is given.
    /// </summary>
    public static FolderGraph Read(string path, string rootNamespace, string? sourceFolder = null)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        var md = pe.GetMetadataReader();
        var reader = new Reader(pe, md, rootNamespace);
        return reader.Read(sourceFolder);
    }

    /// <summary>The folder of namespace <paramref name="ns"/> below <paramref name="rootNamespace"/>, or null outside it.</summary>
    private static string? FolderOf(string ns, string rootNamespace) =>
        ns == rootNamespace ? "(root)"
        : ns.StartsWith(rootNamespace + ".", StringComparison.Ordinal) ? ns[(rootNamespace.Length + 1)..]
        : null;

    /// <summary>
    /// The cycles: for each strongly connected set of two or more folders, its members, then the shortest
    /// closed path (<c>A → B → A</c>) through each member, with the type reference behind every step.
    /// </summary>
    public IReadOnlyList<string> Cycles()
    {
        var cycles = new List<string>();
        foreach (var component in StronglyConnected().Where(c => c.Count > 1))
        {
            var members = component.ToHashSet();
            var text = new System.Text.StringBuilder($"{{{string.Join(", ", component.Order(StringComparer.Ordinal))}}}");
            var seen = new HashSet<string>();
            foreach (string start in component.Order(StringComparer.Ordinal))
            {
                var path = ShortestReturn(start, members);
                // The same loop found from another of its folders is written once.
                string key = string.Join(",", path.Skip(1).Order(StringComparer.Ordinal));
                if (!seen.Add(key)) continue;
                text.Append($"\n  {string.Join(" → ", path)}");
                foreach (var (a, b) in path.Zip(path.Skip(1))) text.Append($"\n    {a} → {b}  ({Edges[(a, b)]})");
            }
            cycles.Add(text.ToString());
        }
        return cycles;
    }

    private List<string> ShortestReturn(string start, HashSet<string> members)
    {
        var previous = new Dictionary<string, string>();
        var queue = new Queue<string>();
        queue.Enqueue(start);
        while (queue.Count > 0)
        {
            string node = queue.Dequeue();
            foreach (string next in DependenciesOf(node).Where(members.Contains))
            {
                if (next == start)
                {
                    var path = new List<string> { start };
                    for (string at = node; at != start; at = previous[at]) path.Add(at);
                    path.Add(start);
                    path.Reverse();
                    return path;
                }
                if (previous.TryAdd(next, node)) queue.Enqueue(next);
            }
        }
        throw new InvalidOperationException($"{start} is in a cycle but has no way back to itself.");
    }

    /// <summary>Tarjan's strongly connected components, iterative over the sorted folders so the order is stable.</summary>
    private List<List<string>> StronglyConnected()
    {
        var index = new Dictionary<string, int>();
        var low = new Dictionary<string, int>();
        var onStack = new HashSet<string>();
        var stack = new Stack<string>();
        var components = new List<List<string>>();

        foreach (string root in Folders)
        {
            if (index.ContainsKey(root)) continue;
            var work = new Stack<(string Node, IEnumerator<string> Next)>();
            Visit(root);
            while (work.Count > 0)
            {
                var (node, next) = work.Peek();
                if (next.MoveNext())
                {
                    string child = next.Current;
                    if (!index.ContainsKey(child)) Visit(child);
                    else if (onStack.Contains(child)) low[node] = Math.Min(low[node], index[child]);
                    continue;
                }
                work.Pop();
                if (work.Count > 0) low[work.Peek().Node] = Math.Min(low[work.Peek().Node], low[node]);
                if (low[node] != index[node]) continue;
                var component = new List<string>();
                string member;
                do
                {
                    member = stack.Pop();
                    onStack.Remove(member);
                    component.Add(member);
                } while (member != node);
                components.Add(component);
            }

            void Visit(string node)
            {
                index[node] = low[node] = index.Count;
                stack.Push(node);
                onStack.Add(node);
                work.Push((node, DependenciesOf(node).ToList().GetEnumerator()));
            }
        }
        return components;
    }

    private sealed class Reader(PEReader pe, MetadataReader md, string rootNamespace)
    {
        private static readonly Dictionary<short, OperandType> Operands = typeof(OpCodes)
            .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Select(f => (OpCode)f.GetValue(null)!)
            .ToDictionary(o => o.Value, o => o.OperandType);

        private readonly Dictionary<(string, string), string> edges = new();
        private readonly HashSet<string> folders = new(StringComparer.Ordinal);
        private readonly Signatures signatures = new();

        public FolderGraph Read(string? sourceFolder)
        {
            foreach (var handle in md.TypeDefinitions)
            {
                string? from = Folder(handle);
                if (from is null) continue;
                folders.Add(from);
                signatures.Found.Clear();
                CollectType(handle);
                foreach (var target in signatures.Found)
                {
                    string? to = Folder(target);
                    if (to is null || to == from) continue;
                    edges.TryAdd((from, to), $"{Name(handle)} uses {Name(target)}");
                }
            }
            if (sourceFolder is not null) ReadUsings(sourceFolder);
            return new FolderGraph(edges, folders);
        }

        private void ReadUsings(string sourceFolder)
        {
            foreach (string file in Directory.EnumerateFiles(sourceFolder, "*.cs", SearchOption.AllDirectories))
            {
                string relative = Path.GetRelativePath(sourceFolder, file);
                if (relative.Split(Path.DirectorySeparatorChar)[0] is "obj" or "bin") continue;
                string text = File.ReadAllText(file);
                var declared = NamespaceLine().Match(text);
                string? from = declared.Success ? FolderOf(declared.Groups[1].Value, rootNamespace) : null;
                if (from is null) continue;
                foreach (System.Text.RegularExpressions.Match u in UsingLine().Matches(text))
                {
                    // using static N.Type names a type: its folder is N's.
                    string ns = u.Groups[1].Success ? u.Groups[2].Value[..Math.Max(0, u.Groups[2].Value.LastIndexOf('.'))] : u.Groups[2].Value;
                    string? to = FolderOf(ns, rootNamespace);
                    if (to is null || to == from) continue;
                    edges.TryAdd((from, to), $"{Path.GetFileName(file)} has 'using {u.Groups[1].Value}{u.Groups[2].Value};'");
                }
            }
        }

        /// <summary>The folder of a type: the namespace of its outermost declaring type, below the root, or null outside it.</summary>
        private string? Folder(TypeDefinitionHandle handle)
        {
            var type = md.GetTypeDefinition(handle);
            while (type.IsNested) type = md.GetTypeDefinition(type.GetDeclaringType());
            return FolderOf(md.GetString(type.Namespace), rootNamespace);
        }

        private string Name(TypeDefinitionHandle handle)
        {
            var type = md.GetTypeDefinition(handle);
            while (type.IsNested) type = md.GetTypeDefinition(type.GetDeclaringType());
            return md.GetString(type.Name);
        }

        private void CollectType(TypeDefinitionHandle handle)
        {
            var type = md.GetTypeDefinition(handle);
            Entity(type.BaseType);
            foreach (var i in type.GetInterfaceImplementations()) Entity(md.GetInterfaceImplementation(i).Interface);
            GenericParameters(type.GetGenericParameters());
            Attributes(type.GetCustomAttributes());

            foreach (var f in type.GetFields())
            {
                var field = md.GetFieldDefinition(f);
                field.DecodeSignature(signatures, null);
                Attributes(field.GetCustomAttributes());
            }
            foreach (var p in type.GetProperties())
            {
                var property = md.GetPropertyDefinition(p);
                property.DecodeSignature(signatures, null);
                Attributes(property.GetCustomAttributes());
            }
            foreach (var e in type.GetEvents()) Entity(md.GetEventDefinition(e).Type);
            foreach (var m in type.GetMethods()) Method(md.GetMethodDefinition(m));
            foreach (var nested in type.GetNestedTypes()) CollectType(nested);
        }

        private void Method(MethodDefinition method)
        {
            method.DecodeSignature(signatures, null);
            GenericParameters(method.GetGenericParameters());
            Attributes(method.GetCustomAttributes());
            foreach (var p in method.GetParameters()) Attributes(md.GetParameter(p).GetCustomAttributes());
            if (method.RelativeVirtualAddress == 0) return;

            var body = pe.GetMethodBody(method.RelativeVirtualAddress);
            if (!body.LocalSignature.IsNil)
                signatures.Decode(md.GetStandaloneSignature(body.LocalSignature));
            var il = body.GetILReader();
            while (il.RemainingBytes > 0)
            {
                short code = il.ReadByte();
                if (code == 0xFE) code = (short)(0xFE00 | il.ReadByte());
                switch (Operands[code])
                {
                    case OperandType.InlineNone: break;
                    case OperandType.ShortInlineBrTarget or OperandType.ShortInlineI or OperandType.ShortInlineVar: il.Offset += 1; break;
                    case OperandType.InlineVar: il.Offset += 2; break;
                    case OperandType.InlineI8 or OperandType.InlineR: il.Offset += 8; break;
                    case OperandType.InlineSwitch:
                        int targets = il.ReadInt32(); // read before the offset moves past it
                        il.Offset += 4 * targets;
                        break;
                    case OperandType.InlineField or OperandType.InlineMethod or OperandType.InlineTok or OperandType.InlineType or OperandType.InlineSig:
                        Entity(MetadataTokens.EntityHandle(il.ReadInt32()));
                        break;
                    default: il.Offset += 4; break; // InlineI, InlineBrTarget, InlineString, ShortInlineR
                }
            }
        }

        private void GenericParameters(GenericParameterHandleCollection parameters)
        {
            foreach (var g in parameters)
                foreach (var c in md.GetGenericParameter(g).GetConstraints())
                    Entity(md.GetGenericParameterConstraint(c).Type);
        }

        private void Attributes(CustomAttributeHandleCollection attributes)
        {
            foreach (var a in attributes) Entity(md.GetCustomAttribute(a).Constructor);
        }

        /// <summary>Records the types of this assembly that a metadata token leads to.</summary>
        private void Entity(EntityHandle handle)
        {
            if (handle.IsNil) return;
            switch (handle.Kind)
            {
                case HandleKind.TypeDefinition:
                    signatures.Found.Add((TypeDefinitionHandle)handle);
                    break;
                case HandleKind.TypeSpecification:
                    md.GetTypeSpecification((TypeSpecificationHandle)handle).DecodeSignature(signatures, null);
                    break;
                case HandleKind.FieldDefinition:
                    var field = md.GetFieldDefinition((FieldDefinitionHandle)handle);
                    signatures.Found.Add(field.GetDeclaringType());
                    field.DecodeSignature(signatures, null);
                    break;
                case HandleKind.MethodDefinition:
                    var method = md.GetMethodDefinition((MethodDefinitionHandle)handle);
                    signatures.Found.Add(method.GetDeclaringType());
                    method.DecodeSignature(signatures, null);
                    break;
                case HandleKind.MemberReference:
                    var member = md.GetMemberReference((MemberReferenceHandle)handle);
                    Entity(member.Parent);
                    if (member.GetKind() == MemberReferenceKind.Method) member.DecodeMethodSignature(signatures, null);
                    else member.DecodeFieldSignature(signatures, null);
                    break;
                case HandleKind.MethodSpecification:
                    var spec = md.GetMethodSpecification((MethodSpecificationHandle)handle);
                    Entity(spec.Method);
                    spec.DecodeSignature(signatures, null);
                    break;
                case HandleKind.StandaloneSignature:
                    signatures.Decode(md.GetStandaloneSignature((StandaloneSignatureHandle)handle));
                    break;
                // TypeReference (another assembly), ModuleReference: outside the graph.
            }
        }
    }

    /// <summary>Decodes signatures only to note every type definition of this assembly they name.</summary>
    private sealed class Signatures : ISignatureTypeProvider<object?, object?>
    {
        public HashSet<TypeDefinitionHandle> Found { get; } = [];

        public void Decode(StandaloneSignature signature)
        {
            if (signature.GetKind() == StandaloneSignatureKind.LocalVariables) signature.DecodeLocalSignature(this, null);
            else signature.DecodeMethodSignature(this, null);
        }

        public object? GetTypeFromDefinition(MetadataReader reader, TypeDefinitionHandle handle, byte rawTypeKind)
        {
            Found.Add(handle);
            return null;
        }

        public object? GetTypeFromSpecification(MetadataReader reader, object? context, TypeSpecificationHandle handle, byte rawTypeKind) =>
            reader.GetTypeSpecification(handle).DecodeSignature(this, context);

        public object? GetTypeFromReference(MetadataReader reader, TypeReferenceHandle handle, byte rawTypeKind) => null;
        public object? GetPrimitiveType(PrimitiveTypeCode typeCode) => null;
        public object? GetSZArrayType(object? elementType) => null;
        public object? GetArrayType(object? elementType, ArrayShape shape) => null;
        public object? GetByReferenceType(object? elementType) => null;
        public object? GetPointerType(object? elementType) => null;
        public object? GetPinnedType(object? elementType) => null;
        public object? GetGenericInstantiation(object? genericType, ImmutableArray<object?> typeArguments) => null;
        public object? GetGenericMethodParameter(object? genericContext, int index) => null;
        public object? GetGenericTypeParameter(object? genericContext, int index) => null;
        public object? GetModifiedType(object? modifier, object? unmodifiedType, bool isRequired) => null;
        public object? GetFunctionPointerType(MethodSignature<object?> signature) => null;
    }
}
