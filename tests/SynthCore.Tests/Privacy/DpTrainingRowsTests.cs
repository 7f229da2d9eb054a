using SynthCore.Data;
using SynthCore.Persistence;
using SynthCore.Registry;
using SynthCore.Synthesizers;
using SynthCore.Synthesizers.Neural;
using SynthCore.Synthesizers.Neural.Ctgan;
using SynthCore.Training;

namespace SynthCore.Tests.Privacy;

/// <summary>
/// DP-SGD's ε counts the rows a GAN or CTGAN was trained on, not the metadata's (the whole table's when a holdout was
/// split off first); the model file keeps them, and a file of the first payload layout, which did not, loads reporting
/// what it reported when saved.
/// </summary>
[Collection(TorchSerialCollection.Name)]
public class DpTrainingRowsTests
{
    private static IFittedSynthesizer FitOnTwoThirds(string model, string extraKey, string extraValue)
    {
        var table = PrivacyTestData.Penguins();
        var (training, _) = HoldoutSplit.Split(table, 1.0 / 3, seed: 4);
        return SynthesizerRegistry.Default.Create(model, new SynthesizerSettings
        {
            Epochs = 1, BatchSize = 40, Seed = 3,
            Extra = new Dictionary<string, string> { [extraKey] = extraValue, ["dp-noise-multiplier"] = "1.2" },
        }).Fit(training, TableMetadata.Detect(table));
    }

    /// <summary>The model file with its payload rewritten as layout 1 wrote it: the tag, then the rest without the training rows.</summary>
    private static IFittedSynthesizer AsFirstLayout(IFittedSynthesizer model, string tag)
    {
        using var file = new MemoryStream();
        model.Save(file);
        file.Position = 0;
        var content = ModelFile.Read(file);
        using var reader = new BinaryReader(new MemoryStream(content.Payload));
        Assert.Equal(tag + "/2", reader.ReadString());
        reader.ReadInt32();
        byte[] rest = reader.ReadBytes(content.Payload.Length);
        using var old = new MemoryStream();
        using (var writer = new BinaryWriter(old, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(tag + "/1");
            writer.Write(rest);
        }
        using var oldFile = new MemoryStream();
        ModelFile.Write(oldFile, content.Header, old.ToArray());
        oldFile.Position = 0;
        return SynthesizerRegistry.Default.Load(oldFile);
    }

    [Fact]
    public void A_gan_accounts_its_training_rows_and_an_older_file_the_metadatas()
    {
        using var gan = (FittedGan)FitOnTwoThirds("gan", "latent-dim", "8");
        Assert.Equal(229, gan.TrainingRows);
        Assert.Equal(344, gan.Metadata.RowCount);
        // One epoch is one step of one critic update: q = 40 / 229.
        Assert.Equal(new RdpAccountant().Compose(40.0 / 229, 1.2, 1).GetEpsilon(1e-5).Epsilon, gan.PrivacyAccount!.Epsilon, 12);

        using var old = (FittedGan)AsFirstLayout(gan, "gan-payload");
        Assert.Equal(344, old.TrainingRows);
        Assert.Equal(new RdpAccountant().Compose(40.0 / 344, 1.2, 1).GetEpsilon(1e-5).Epsilon, old.PrivacyAccount!.Epsilon, 12);
        Assert.Equal(ShortCsv(gan), ShortCsv(old));
    }

    [Fact]
    public void A_ctgan_accounts_its_training_rows_and_an_older_file_the_metadatas()
    {
        using var ctgan = (FittedCtgan)FitOnTwoThirds("ctgan", "generator-dims", "32");
        Assert.Equal(229, ctgan.TrainingRows);
        // 229 / 40 = 5 critic updates, and the category counts' release at σ 5.
        Assert.Equal(new RdpAccountant().Compose(40.0 / 229, 1.2, 5).Compose(1, 5, 1).GetEpsilon(1e-5).Epsilon, ctgan.PrivacyAccount!.Epsilon, 12);

        using var old = (FittedCtgan)AsFirstLayout(ctgan, "ctgan-payload");
        Assert.Equal(344, old.TrainingRows);
        Assert.Equal(new RdpAccountant().Compose(40.0 / 344, 1.2, 8).Compose(1, 5, 1).GetEpsilon(1e-5).Epsilon, old.PrivacyAccount!.Epsilon, 12);
        Assert.Equal(ShortCsv(ctgan), ShortCsv(old));
    }

    private static string ShortCsv(IFittedSynthesizer model)
    {
        var text = new StringWriter();
        CsvTable.Write(model.Sample(20, seed: 2), text);
        return text.ToString();
    }
}
