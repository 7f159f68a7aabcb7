package modelgen.recipe

import io.circe.{Codec, Decoder, DecodingFailure, Encoder, HCursor, Json, JsonObject}
import io.circe.syntax.*

/** String enum with wire values that are not identifiers; unknown values fail to decode. */
enum RunStatus(val value: String) {
  case InProgress extends RunStatus("in_progress")
  case RequiresAction extends RunStatus("requires_action")
  case ThreadRun extends RunStatus("thread.run")
}
object RunStatus {
  private val byValue: Map[String, RunStatus] = values.map(v => v.value -> v).toMap
  given Encoder[RunStatus] = Encoder.encodeString.contramap(_.value)
  given Decoder[RunStatus] =
    Decoder.decodeString.emap(s => byValue.get(s).toRight(s"unknown RunStatus value: $s"))
}

final case class FunctionTool(name: String, description: Option[String] = None)
object FunctionTool {
  given Codec.AsObject[FunctionTool] = Codec.AsObject.from(
    Decoder.instance { c =>
      for {
        name <- c.get[String]("name")
        description <- c.get[Option[String]]("description")
      } yield FunctionTool(name, description)
    },
    Encoder.AsObject.instance { a =>
      JsonObject.fromIterable(
        List(Some("name" -> a.name.asJson), a.description.map(v => "description" -> v.asJson)).flatten
      )
    }
  )
}

final case class FileSearchTool(maxNumResults: Option[Int] = None)
object FileSearchTool {
  given Codec.AsObject[FileSearchTool] = Codec.AsObject.from(
    Decoder.instance(c => c.get[Option[Int]]("max_num_results").map(FileSearchTool(_))),
    Encoder.AsObject.instance(a => JsonObject.fromIterable(a.maxNumResults.map(v => "max_num_results" -> v.asJson)))
  )
}

/** Tagged union (discriminator "type"), one case per branch schema; unknown tags are kept. */
sealed trait Tool
object Tool {
  final case class Function(value: FunctionTool) extends Tool
  final case class FileSearch(value: FileSearchTool) extends Tool
  final case class Unknown(raw: JsonObject) extends Tool

  private def tagged(tag: String, o: JsonObject): Json = (("type" -> Json.fromString(tag)) +: o).asJson

  given Encoder[Tool] = Encoder.instance {
    case Function(v) => tagged("function", v.asJsonObject)
    case FileSearch(v) => tagged("file_search", v.asJsonObject)
    case Unknown(raw) => Json.fromJsonObject(raw)
  }
  given Decoder[Tool] = Decoder.instance { c =>
    c.get[String]("type").flatMap {
      case "function" => c.as[FunctionTool].map(Function(_))
      case "file_search" => c.as[FileSearchTool].map(FileSearch(_))
      case _ => c.as[JsonObject].map(Unknown(_))
    }
  }
}

/** More than 22 fields (fine in Scala 3), renamed wire keys, optional and required-nullable fields. */
final case class WideRun(
  id: String,
  `object`: RunStatus,
  createdAt: Long,
  status: RunStatus,
  tools: List[Tool],
  temperature: Option[Double] = None, // optional: absent <-> None
  completedAt: Option[Long], // required, nullable: null <-> None, always written
  f08: Int, f09: Int, f10: Int, f11: Int, f12: Int, f13: Int, f14: Int, f15: Int,
  f16: Int, f17: Int, f18: Int, f19: Int, f20: Int, f21: Int, f22: Int, f23: Int,
  f24: Int, f25: Int
)
object WideRun {
  private val ints = (8 to 25).map(i => f"f$i%02d").toVector

  given Codec.AsObject[WideRun] = Codec.AsObject.from(
    // Non-monadic style: one `get` per field, no 25-deep flatMap nesting.
    Decoder.instance { (c: HCursor) =>
      def get[A: Decoder](k: String): A = c.get[A](k).fold(e => throw e, identity)
      try {
        val is = ints.map(get[Int])
        Right(WideRun(
          id = get[String]("id"),
          `object` = get[RunStatus]("object"),
          createdAt = get[Long]("created_at"),
          status = get[RunStatus]("status"),
          tools = get[List[Tool]]("tools"),
          temperature = get[Option[Double]]("temperature"),
          completedAt = get[Option[Long]]("completed_at"),
          is(0), is(1), is(2), is(3), is(4), is(5), is(6), is(7), is(8),
          is(9), is(10), is(11), is(12), is(13), is(14), is(15), is(16), is(17)
        ))
      } catch { case e: DecodingFailure => Left(e) }
    },
    Encoder.AsObject.instance { a =>
      val fixed = List(
        "id" -> a.id.asJson,
        "object" -> a.`object`.asJson,
        "created_at" -> a.createdAt.asJson,
        "status" -> a.status.asJson,
        "tools" -> a.tools.asJson
      ) ++ a.temperature.map(v => "temperature" -> v.asJson) ++ List("completed_at" -> a.completedAt.asJson)
      val is = List(a.f08, a.f09, a.f10, a.f11, a.f12, a.f13, a.f14, a.f15, a.f16, a.f17, a.f18, a.f19,
        a.f20, a.f21, a.f22, a.f23, a.f24, a.f25)
      JsonObject.fromIterable(fixed ++ ints.zip(is.map(_.asJson)))
    }
  )
}
