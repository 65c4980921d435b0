package dev.cards.client;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkiverse.openapi.generator.markers.OperationMarker;

/**
 * Which generated operations take the access token: those whose OpenAPI operation names the
 * {@code bearerAuth} security scheme (the generator marks them with {@link OperationMarker}). Sign-up,
 * login, refresh and logout do not, so they never carry an access token nor trigger a refresh.
 */
final class BearerOperations {

    static final String SCHEME = "bearerAuth";
    private static final Map<Method, Boolean> CACHE = new ConcurrentHashMap<>();

    private BearerOperations() {
    }

    static boolean requiresBearer(Method method) {
        return method != null && CACHE.computeIfAbsent(method, BearerOperations::marked);
    }

    private static boolean marked(Method method) {
        if (hasBearerMarker(method)) {
            return true;
        }
        // A CDI wrapper or proxy method: look at the generated interface it implements.
        for (Class<?> api : method.getDeclaringClass().getInterfaces()) {
            try {
                if (hasBearerMarker(api.getMethod(method.getName(), method.getParameterTypes()))) {
                    return true;
                }
            } catch (NoSuchMethodException notThisOne) {
                // next interface
            }
        }
        return false;
    }

    private static boolean hasBearerMarker(Method method) {
        for (OperationMarker marker : method.getAnnotationsByType(OperationMarker.class)) {
            if (SCHEME.equals(marker.name())) {
                return true;
            }
        }
        return false;
    }
}
