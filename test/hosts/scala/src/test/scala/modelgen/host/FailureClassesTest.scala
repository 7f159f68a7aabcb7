package modelgen.host

import io.circe.Json
import io.circe.syntax.*
import org.junit.Test
import org.junit.Assert.assertEquals
import modelgen.host.Check.*
import fixtures.failureclasses.*

/**
 * The failure classes of public specs (test/fixtures/failure-classes.yaml, package
 * fixtures.failureclasses): recursive maps and arrays inside unions and aliases, enums written as
 * unions of titled consts or with x-enum-varnames, and a nullable alias whose null is at the use site.
 */
class FailureClassesTest {

  @Test def holderRoundTrips(): Unit = {
    val holder = roundTrip[Holder]("failure-classes/holder.json")
    // Nullable alias: the alias is the map; the field says it may be null (required) or absent too (optional).
    assertEquals(Some(Map("user" -> "u_42", "team" -> "t_7")), holder.metadata)
    assertEquals(Nullable.Null, holder.extra)
    // A union holding a map of itself.
    assertEquals(
      Tree.MapValue(Map(
        "a" -> Tree.Leaf("leaf"),
        "b" -> Tree.MapValue(Map("c" -> Tree.MapValue(Map("d" -> Tree.Leaf("deep"))))),
        "e" -> Tree.MapValue(Map.empty),
      )),
      holder.tree,
    )
    // An alias of a map of lists of that union.
    assertEquals(Some(Map("oak" -> List(Tree.MapValue(Map("x" -> Tree.Leaf("y"))), Tree.Leaf("z")), "elm" -> Nil)), holder.forest)
    // A recursive alias is a case class around its value; its JSON is the value alone.
    assertEquals(Some(List(Nil, List(Nested(List(Nil)), Nested(List(Nil, Nil))))), holder.nested.map(_.value))
    assertEquals(
      Some(JsonLike.ArrayValue(List(
        JsonLike.Number(1.5),
        JsonLike.StringValue("s"),
        JsonLike.MapValue(Map("k" -> JsonLike.ArrayValue(List(JsonLike.Number(2.5), JsonLike.MapValue(Map("m" -> JsonLike.ArrayValue(Nil))))))),
      ))),
      holder.json,
    )
    // Enums named by the spec (const titles, x-enum-varnames) and by value.
    assertEquals((Level.Beta, Some(Untitled.Minus1), Some(Mode.OneX)), (holder.level, holder.untitled, holder.mode))
  }

  @Test def nullableAliasPresence(): Unit = {
    val input = fixture("failure-classes/holder.json")
    // Required and nullable: null reads as None and is written as null.
    val nulled = roundTripJson[Holder](set(input, "metadata", Json.Null), "holder with null metadata")
    assertEquals(None, nulled.metadata)
    // Lenient presence: absent reads as None and is written as null.
    assertEquals(Some(Json.Null), decode[Holder](remove(input, "metadata")).asJson.hcursor.downField("metadata").focus)
    // Optional and nullable: absent and null stay apart.
    val absent = roundTripJson[Holder](remove(input, "extra"), "holder without extra")
    assertEquals(Nullable.Absent, absent.extra)
    assertEquals(Nullable.Present(Map("k" -> "v")), roundTripJson[Holder](set(input, "extra", json("""{"k": "v"}""")), "holder with extra").extra)
  }

  /** Unqualified case objects in patterns: a name Scala read as a variable would make the later cases unreachable (-Werror). */
  private def spell(u: Untitled): String = {
    import Untitled.*
    u match {
      case Value1 => "one"
      case Value2 => "two"
      case Minus1 => "minus one"
      case Unknown(v) => s"unknown $v"
    }
  }

  @Test def enumNames(): Unit = {
    assertEquals(List(Level.Alpha, Level.Beta, Level.Gamma, Level.Unknown(4L)), List(1, 2, 3, 4).map(v => roundTripJson[Level](Json.fromInt(v), v.toString)))
    assertEquals(List("one", "two", "minus one", "unknown 7"), List(1, 2, -1, 7).map(v => spell(decode[Untitled](Json.fromInt(v)))))
    assertEquals(List(Mode.FastLane, Mode.OneX, Mode.Unset), List("fast-lane", "1x", "").map(v => roundTripJson[Mode](Json.fromString(v), v)))
    assertEquals(List(1L, 2L, -1L), Untitled.known.map(_.value))
  }

  @Test def recursiveValuesFailNamingThePath(): Unit = {
    val input = fixture("failure-classes/holder.json")
    assertMentions(failure[Holder](set(input, "nested.1.0", Json.fromString("x"))), ".nested")
    assertMentions(failure[Holder](set(input, "tree.b.c", Json.fromInt(1))), "Tree")
    assertMentions(failure[Holder](set(input, "level", Json.fromString("ALPHA"))), ".level")
  }

  @Test def deepRecursionBuildsAndRoundTrips(): Unit = {
    val deep = (1 to 200).foldLeft(Json.arr())((inner, _) => Json.arr(Json.arr(inner)))
    val nested = roundTripJson[Nested](deep, "200 levels of Nested")
    assertEquals(1, nested.value.size)
    val tree = (1 to 200).foldLeft(Json.fromString("leaf"))((inner, i) => Json.obj(s"k$i" -> inner))
    roundTripJson[Tree](tree, "200 levels of Tree")
  }
}
