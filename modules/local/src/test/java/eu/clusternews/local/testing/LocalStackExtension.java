package eu.clusternews.local.testing;

import eu.clusternews.local.LocalStack;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Injects the JVM-wide {@link SharedLocalStack} into test constructors, lifecycle and test methods that
 * declare a {@link LocalStack} parameter:
 *
 * <pre>{@code
 * @ExtendWith(LocalStackExtension.class)
 * class PipelineIT {
 *     @Test
 *     void readsWhatItWrote(LocalStack local) { ... }
 * }
 * }</pre>
 */
public final class LocalStackExtension implements ParameterResolver {

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == LocalStack.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return SharedLocalStack.get();
    }
}
