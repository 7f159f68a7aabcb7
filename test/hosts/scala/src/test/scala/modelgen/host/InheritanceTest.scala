package modelgen.host

import io.circe.Json
import org.junit.Test
import org.junit.Assert.assertEquals
import modelgen.host.Check.*
import fixtures.inheritance.*

/**
 * Subtypes extending a type with a discriminator (test/fixtures/inheritance.yaml, package
 * fixtures.inheritance): a field of the extended type holds any subtype, each decoded as the case
 * class its tag names with every field of its own, and encoded back unchanged; a type that occurs
 * itself is its `Base` case class, and a tag the spec does not list is kept as the JSON received.
 */
class InheritanceTest {
  private val payload = json(
    """{"pet": {"petType": "dog", "name": "Rex", "packSize": 3},
      | "shapes": [{"@kind": "polygon", "label": "p", "sides": 5}, {"@kind": "square", "sides": 4, "side": 2.5},
      |   {"@kind": "Circle", "radius": 1.5}],
      | "events": {"a": {"type": "base", "at": 1700000000}, "b": {"type": "click", "x": 1, "y": 2}},
      | "tree": {"kind": "Branch", "children": [{"kind": "Leaf", "id": "l", "value": null}, {"kind": "Branch", "children": [], "first": {"kind": "Leaf", "value": "v"}}]},
      | "favourite": {"petType": "Lizard", "name": "Liz"}}""".stripMargin,
  )

  @Test def eachSubtypeDecodesAsItselfAndRoundTripsWithItsOwnFields(): Unit = {
    val owner = roundTripJson[Owner](payload, "owner")
    assertEquals(Pet.Dog(Dog(name = "Rex", packSize = 3)), owner.pet)
    assertEquals(Some(Pet.Lizard(Lizard(name = "Liz"))), owner.favourite)
    assertEquals(
      Some(List(
        Shape.Polygon(Polygon.Base(label = Some("p"), sides = Some(5L))),
        Shape.Polygon(Polygon.Square(Square(sides = Some(4L), side = Some(2.5)))),
        Shape.Circle(Circle(radius = Some(1.5))),
      )),
      owner.shapes,
    )
    assertEquals(Some(Event.Base(at = Some(1700000000L))), owner.events.flatMap(_.get("a")))
    owner.tree match {
      case Some(Node.Branch(branch)) => assertEquals(Node.Leaf(Leaf(id = Some("l"), value = Nullable.Null)), branch.children.head)
      case other => throw new AssertionError(s"expected a Branch, got $other")
    }
  }

  @Test def aTagTheSpecDoesNotListIsKeptAndASubtypesOwnRulesHold(): Unit = {
    val parrot = json("""{"petType": "parrot", "name": "Polly", "words": 12}""")
    assertEquals(Pet.Unknown(parrot), roundTripJson[Owner](set(payload, "pet", parrot), "a parrot").pet)
    assertMentions(failure[Owner](set(payload, "pet", json("""{"petType": "dog", "name": "Rex"}"""))), "packSize")
  }
}
