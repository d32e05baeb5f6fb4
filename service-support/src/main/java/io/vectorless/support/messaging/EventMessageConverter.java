package io.vectorless.support.messaging;

import io.vectorless.schema.EventJson;
import io.vectorless.schema.event.DocumentEvent;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.support.converter.MessagingMessageConverter;

import java.io.IOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;

/**
 * Lets listeners take typed events: a record whose listener parameter is a {@link DocumentEvent} (sub)type is read
 * with {@link EventJson}, the contract every producer writes. A record of another event type than the parameter's is
 * malformed for that topic and is never retried.
 */
public class EventMessageConverter extends MessagingMessageConverter {

    @Override
    protected Object extractAndConvertValue(ConsumerRecord<?, ?> record, Type type) {
        if (!(type instanceof Class<?> target) || !DocumentEvent.class.isAssignableFrom(target)
                || record.value() == null) {
            return super.extractAndConvertValue(record, type);
        }
        Object value = record.value();
        String json = value instanceof byte[] bytes ? new String(bytes, StandardCharsets.UTF_8) : value.toString();
        DocumentEvent event = EventJson.readEvent(json);
        if (!target.isInstance(event)) {
            throw new EventJson.MalformedEventException("a " + event.getClass().getSimpleName() + " on "
                    + record.topic() + ", where only " + target.getSimpleName() + " belongs",
                    new IOException("unexpected event type"));
        }
        return event;
    }
}
