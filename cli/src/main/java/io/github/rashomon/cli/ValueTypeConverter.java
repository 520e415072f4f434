package io.github.rashomon.cli;

import io.github.rashomon.model.ValueType;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code --value-type}: the value types the command line offers, in lower case. */
final class ValueTypeConverter implements ITypeConverter<ValueType> {
  private static final List<String> NAMES = List.of("categorical", "quantity");

  @Override
  public ValueType convert(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "categorical":
        return ValueType.CATEGORICAL;
      case "quantity":
        return ValueType.QUANTITY;
      default:
        throw new TypeConversionException(
            "expected " + String.join(" or ", NAMES) + ", got '" + text + "'");
    }
  }

  /** The accepted names, for the help text and shell completion. */
  static final class Names implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
      return NAMES.iterator();
    }
  }
}
