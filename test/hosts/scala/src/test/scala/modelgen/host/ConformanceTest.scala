package modelgen.host

import java.nio.charset.StandardCharsets.UTF_8
import java.nio.file.{Files, Path, Paths}
import scala.util.control.NonFatal
import io.circe.{Codec, DecodingFailure, Json}
import io.circe.parser.parse
import org.junit.Test
import org.junit.Assert.assertTrue
import org.junit.Assume.assumeTrue

/** What the conformance harness does with one type: decode the JSON with circe, encode the value again. */
object Conformance {
  type RoundTrip = Json => Either[DecodingFailure, Json]

  def roundTrip[A](codec: Codec[A]): RoundTrip = json => json.as[A](using codec).map(codec(_))
}

/**
 * The conformance harness (issue 9): decodes each example response of a spec with the generated
 * model and re-encodes it; test/compile/scala.test.ts judges the results (test/conformance/).
 *
 * The folder comes from the system property `conformance.dir` or the environment variable
 * `CONFORMANCE_DIR` (without either, the test is skipped). For each generated package `p` that
 * `ConformanceDispatch.packages` lists (written by the TypeScript test, not committed: package ->
 * type name as the Scala target names it -> round trip) and that has a `p.cases.json` there
 * (`[{"id", "type", "json"}]`), it writes `p.results.json`:
 * `[{"id", "ok": true, "output": <re-encoded>} | {"id", "ok": false, "error": "<circe's message>"}]`.
 * A failed decode is a result, not a test failure: the judge classifies it.
 */
class ConformanceTest {
  private def folder: Option[Path] =
    sys.props.get("conformance.dir").orElse(sys.env.get("CONFORMANCE_DIR")).filter(_.nonEmpty).map(Paths.get(_))

  @Test def decodesAndReencodesTheExamples(): Unit = {
    val dir = folder
    assumeTrue("no conformance.dir / CONFORMANCE_DIR", dir.isDefined)
    val done = for {
      (pkg, codecs) <- ConformanceDispatch.packages.toList.sortBy(_._1)
      cases = dir.get.resolve(s"$pkg.cases.json")
      if Files.exists(cases)
    } yield {
      val results = run(read(cases), codecs)
      Files.writeString(dir.get.resolve(s"$pkg.results.json"), Json.fromValues(results).noSpaces + "\n", UTF_8)
      println(s"conformance: $pkg: ${results.size} examples")
      pkg
    }
    assertTrue(s"no <package>.cases.json in ${dir.get} for ${ConformanceDispatch.packages.keys.mkString(", ")}", done.nonEmpty)
  }

  private def read(file: Path): List[Json] =
    parse(Files.readString(file, UTF_8)).flatMap(_.as[List[Json]]).fold(e => throw new AssertionError(s"$file: ${e.getMessage}"), identity)

  private def run(cases: List[Json], codecs: Map[String, Conformance.RoundTrip]): List[Json] =
    cases.map { c =>
      val cursor = c.hcursor
      val id = cursor.get[String]("id").fold(e => throw new AssertionError(s"a case without an id: ${e.getMessage}"), identity)
      val typeName = cursor.get[String]("type").getOrElse("")
      val input = cursor.downField("json").focus.getOrElse(Json.Null)
      val outcome: Either[String, Json] = codecs.get(typeName) match {
        case None => Left(s"no type $typeName in the dispatch")
        case Some(roundTrip) =>
          try roundTrip(input).left.map(_.getMessage)
          catch {
            case NonFatal(e) => Left(s"decoder threw $e")
            case e: StackOverflowError => Left(s"decoder threw $e")
          }
      }
      outcome.fold(
        error => Json.obj("id" -> Json.fromString(id), "ok" -> Json.False, "error" -> Json.fromString(error)),
        output => Json.obj("id" -> Json.fromString(id), "ok" -> Json.True, "output" -> output),
      )
    }
}
