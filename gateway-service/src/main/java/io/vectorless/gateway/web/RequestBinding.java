package io.vectorless.gateway.web;

import io.vectorless.support.web.ApiKeyAuthFilter;
import io.vectorless.support.web.Caller;
import jakarta.servlet.http.HttpServletRequest;
import org.springdoc.core.utils.SpringDocUtils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.boot.autoconfigure.validation.ValidationConfigurationCustomizer;
import org.hibernate.validator.HibernateValidatorConfiguration;
import org.hibernate.validator.messageinterpolation.ExpressionLanguageFeatureLevel;
import org.springframework.core.MethodParameter;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.beans.PropertyEditor;
import java.beans.PropertyEditorSupport;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How request values become arguments. Integers are strict: Spring's default number parsing trims blanks and reads
 * {@code 0x1} as hex, so {@code workspace_id=0x1} or {@code " 1"} would silently mean workspace 1; here only plain
 * decimal digits are an integer. A handler that declares a {@link Caller} gets the one the API-key filter set.
 */
@Configuration
class RequestBinding implements WebMvcConfigurer {
    private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,18}");

    static {
        SpringDocUtils.getConfig().addRequestWrapperToIgnore(Caller.class);
    }

    /**
     * The length in {@link TextRules#TOO_LONG} is a method call ({@code validatedValue.length()}), which Hibernate
     * Validator's expression language refuses by default and would leave as written; our templates are constants,
     * the client's value is only ever a value, so method calls in them are safe to allow.
     */
    @Bean
    ValidationConfigurationCustomizer lengthsInMessages() {
        return configuration -> {
            if (configuration instanceof HibernateValidatorConfiguration hibernate) {
                hibernate.constraintExpressionLanguageFeatureLevel(ExpressionLanguageFeatureLevel.BEAN_METHODS);
            }
        };
    }

    /**
     * The binder falls back to its default number editors when a conversion fails, and those accept hex and blanks
     * again; an editor registered on every binder is asked first and has the last word.
     */
    @ControllerAdvice
    static class StrictIntegers {
        @InitBinder
        void strictIntegers(WebDataBinder binder) {
            PropertyEditor editor = new PropertyEditorSupport() {
                @Override
                public void setAsText(String text) {
                    setValue(strictLong(text));
                }
            };
            binder.registerCustomEditor(long.class, editor);
            binder.registerCustomEditor(Long.class, editor);
        }
    }

    @Override
    public void addFormatters(FormatterRegistry registry) {
        registry.addConverter(String.class, Long.class, RequestBinding::strictLong);
        registry.addConverter(String.class, Integer.class, value -> {
            Long parsed = strictLong(value);
            if (parsed == null) {
                return null;
            }
            if (parsed < Integer.MIN_VALUE || parsed > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("out of range");
            }
            return parsed.intValue();
        });
    }

    static Long strictLong(String value) {
        if (value.isEmpty()) {
            return null;
        }
        if (!INTEGER.matcher(value).matches()) {
            throw new NumberFormatException("not a plain decimal integer");
        }
        return Long.parseLong(value);
    }

    static boolean isStrictInteger(String value) {
        return value != null && INTEGER.matcher(value).matches();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Caller.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                                          NativeWebRequest request, WebDataBinderFactory binders) {
                return ApiKeyAuthFilter.callerOf(request.getNativeRequest(HttpServletRequest.class));
            }
        });
    }
}
